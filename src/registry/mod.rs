//! The registry: the index file, its lock, the directories under `envs/`,
//! and the transactions every command uses to change them.
//!
//! Commands say *what* (create this staged env, remove these names); this
//! module does it under the lock with the staging/trash protocol. The index
//! is only reachable read-only from outside; readers do not lock and always
//! see a whole file.
//!
//! # What a kill leaves, and what the next command does
//!
//! The index is the commit point of every transaction. Whichever command
//! next finds a state a kill left behind repairs it under the lock, saves
//! the repair at once and says so in one sentence; readers that do not lock
//! (`ls`, `show`, `path`) take the lock when they see such a state, so every
//! command gives the same answer about a name.
//!
//! | command | steps (crash points) | a kill between steps leaves → next command |
//! |---|---|---|
//! | `mkenv` | lock, stage `.tmp-NAME-…` (`mkenv.staged`); build it (`mkenv.built`); lock, rename to `envs/NAME` (`mkenv.renamed`), save (`mkenv.committed`); with `-i/-r`: install (`mkenv.installed`), lock, clear `incomplete`, save (`mkenv.completed`) | before the rename: a dead staging dir → deleted. After the rename, before the save: an unrecorded env → **rolled forward** (registered, never deleted). During the install: the entry says `incomplete` until `envreg rm NAME` |
//! | `rm` | lock, move each env to `.trash-NAME-…` (`rm.trashed`), save (`rm.committed`), unlock, delete each trash (`rm.deleted`) | before the save: **rolled back** (each env moved back; nothing removed). After it: the trash is deleted |
//! | `cp SRC DST` | lock, stage `.tmp-DST-…` (`cp.staged`); unlocked: copy SRC into it with every path rewritten, marked `.envreg-uncommitted` (`cp.copied`); lock, rename to `envs/DST` (`cp.renamed`), save (`cp.committed`), remove the mark | before the rename: a dead staging dir → deleted. After the rename, before the save: an unregistered dir with the mark → **rolled back** (deleted; SRC was never touched) while the source the mark names is still a registered env; otherwise (a lost index) the mark is dropped and the copy is registered, never deleted. After the save: DST is registered |
//! | `mv OLD NEW` | all under the lock: write and sync the journal `mv-journal.json` in the home (names, directories, the user's prompt) (`mv.journaled`); rename `envs/OLD` to `envs/NEW` in place (`mv.renamed`); replace each file that names the old directory by a rewritten one, atomically (`mv.rewrote`, per file); pyvenv.cfg's prompt and the activation scripts (`mv.rewritten`); save with the entry renamed, metadata kept (`mv.committed`); remove the journal (`mv.finished`) | with a journal: **rolled forward** by the next command that locks, before anything else (`ls` and `path` take the lock when they see one): the same steps again, each idempotent (the rename only if OLD is still there, files that already name NEW are not touched, the entry renamed only if the index still has OLD). Before the journal: nothing happened. Exactly one of OLD and NEW is registered at every moment, and the next command finishes the rename |
//! | `adopt`/`import` | lock, save the entry (unmanaged, its path the venv's) (`adopt.committed`) | one atomic save: registered in place or not at all |
//! | `import --move` | as `adopt`; lock, stage `.tmp-NAME-…`; unlocked: copy with every path rewritten, marked (`import.copied`); lock, rename to `envs/NAME` (`import.renamed`), write `.envreg-moved` into the old directory, save the entry as managed (`import.committed`), remove the mark; delete the old directory (`import.deleted`) | before the save: the copy in `envs/` is discarded (its entry still names the old directory, which is untouched). After it: the copy is the env; the next `import` deletes the old directory its `.envreg-moved` names |
//! | `set NAME` | lock; replace pyvenv.cfg (`set.cfg`), the activation scripts (`set.scripts`), `envreg.pth` (`set.pth`), each atomically; save the index (`set.committed`) | files already changed, the index not yet: the env works with the new settings; `show` gives the old ones until the same `envreg set` is run again (every step is idempotent) |
//! | `link NAME DIR` | lock; when another env records DIR (`--force` over its link, or its link removed by hand): save with DIR dropped from it (`link.unbound`); make `DIR/.venv` a symlink to the env (a new name: one `symlink`; a replaced link: a temporary link renamed over it) (`link.created`); save with DIR in the entry's `links` (`link.committed`) | DIR is bound to no env (never to one while `.venv` leads to another); the link, old or new, is not recorded: `link` again records it; `unlink` removes it (it points at a registered env) |
//! | `unlink DIR` | lock; remove `DIR/.venv` if it is envreg's link (`unlink.removed`); save without DIR (`unlink.committed`) | the link is gone, DIR still recorded: `unlink DIR` again drops the record |
//! | `workon` (last-used) | touch `used/NAME` (`used.recorded`); under a later lock: fold into the index, save, remove the files (`used.folded`) | a file not yet folded is folded by the next lock; folding twice is harmless |
//! | recovery itself | restore trash (`recover.restored`), discard uncommitted copies (`recover.discarded`), adopt (`recover.adopted`), save (`recover.saved`) | each step is idempotent and is redone by the next command |

mod adopt;
pub mod clone;
#[cfg(test)]
mod crash_tests;
pub mod env;
pub mod index;
pub mod inplace;
mod lifecycle;
pub mod links;
pub mod name;
pub mod projects;
pub mod rename;
pub mod repair;
pub mod settings;
mod snapshot;
mod staging;
pub mod status;
mod sweep;
mod used;

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};

use crate::errors::{Hinted, hinted};
use crate::home::Home;
pub use env::Venv;
pub use index::{Entry, Flags, Index, PythonRecord};
pub use settings::Changes;
pub use staging::{Staging, Trash};

/// Directories with a flag each (see [`Registry::strays`]).
pub type Strays = Vec<(PathBuf, bool)>;

pub struct Registry {
    home: Home,
}

impl Registry {
    pub fn new(home: Home) -> Self {
        Registry { home }
    }

    pub fn home(&self) -> &Home {
        &self.home
    }

    /// Where the environment `name` of this home lives. A managed
    /// environment's directory is always this, whatever the index says: no
    /// index entry can point envreg at a directory outside its home.
    pub fn env_dir(&self, name: &str) -> PathBuf {
        self.home.envs_dir().join(name)
    }

    /// The directory of the registered environment `name`.
    pub fn dir_of(&self, name: &str, entry: &Entry) -> PathBuf {
        if entry.managed {
            self.env_dir(name)
        } else {
            entry.path.clone()
        }
    }

    fn used_dir(&self) -> PathBuf {
        self.home.used_dir()
    }

    /// Read the index without locking, through its parsed copy in the cache
    /// when that is current. No recovery: see [`Registry::read`].
    fn load(&self) -> Result<Index> {
        snapshot::read(
            &self.home.index_file(),
            &self.home.cache_dir().join("index.json"),
        )
    }

    /// The index as every command must see it, with last-used times.
    /// When `envs/` shows a state an interrupted command left (scratch
    /// directories, an unrecorded environment), recover it first under the
    /// lock; when the lock cannot be had (a read-only home), unrecorded
    /// environments are shown with `unrecorded` set.
    pub fn read(&self) -> Result<Index> {
        let mut index = self.read_current(None)?;
        used::apply(&mut index, &used::read(&self.used_dir()));
        Ok(index)
    }

    /// The index as it is on disk, with last-used times, without looking at
    /// `envs/` or recovering anything (what `doctor` reports on).
    pub fn read_plain(&self) -> Result<Index> {
        let mut index = self.load()?;
        used::apply(&mut index, &used::read(&self.used_dir()));
        Ok(index)
    }

    /// What is in `envs/` besides the registered environments: scratch
    /// directories of runs that died (`(dir, is_trash)`), and unregistered
    /// directories (`(dir, is_venv)`).
    pub fn strays(&self, index: &Index) -> (Strays, Strays) {
        let envs = self.home.envs_dir();
        let listing = staging::list(&envs);
        let scratch = staging::leftovers(&envs, &listing)
            .into_iter()
            .map(|l| (l.dir(&envs), l.trash))
            .collect();
        let orphans = listing
            .iter()
            .filter(|n| !n.starts_with('.') && !index.envs.contains_key(*n))
            .map(|n| envs.join(n))
            .filter(|d| d.is_dir())
            .map(|d| {
                let venv = is_venv(&d);
                (d, venv)
            })
            .collect();
        (scratch, orphans)
    }

    /// Like [`Registry::read`] for a command about one name (`path`): the
    /// envs folder is only looked at when `name` is not a registered
    /// environment with its directory in place. No last-used times.
    pub fn read_for(&self, name: &str) -> Result<Index> {
        self.read_current(Some(name))
    }

    fn read_current(&self, name: Option<&str>) -> Result<Index> {
        let index = self.load()?;
        if let Some(name) = name
            && let Some(entry) = index.envs.get(name)
            && self.dir_of(name, entry).symlink_metadata().is_ok()
            && !rename::journal_path(self).exists()
        {
            return Ok(index);
        }
        let envs = self.home.envs_dir();
        let listing = staging::list(&envs);
        let orphans: Vec<(String, Entry)> = adopt::candidates(&listing, &index)
            .into_iter()
            .filter_map(|n| adopt::orphan_entry(&envs.join(n)).map(|e| (n.clone(), e)))
            .collect();
        if orphans.is_empty()
            && !rename::journal_path(self).exists()
            && !staging::any_scratch(&listing)
            && adopt::uncommitted(&envs, &listing, &index).is_empty()
        {
            return Ok(index);
        }
        match self.lock() {
            Ok(locked) => Ok(locked.index),
            Err(_) => {
                let mut index = index;
                for (name, mut entry) in orphans {
                    entry.unrecorded = true;
                    index.envs.insert(name, entry);
                }
                Ok(index)
            }
        }
    }

    /// Take the lock (waiting for other envreg processes), then read the
    /// index and recover what interrupted commands left (see the module
    /// docs); a recovery is saved before this returns.
    pub fn lock(&self) -> Result<Locked<'_>> {
        let envs = self.home.envs_dir();
        fs::create_dir_all(&envs).with_context(|| format!("cannot create {}", envs.display()))?;
        let lock_path = self.home.lock_file();
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("cannot open the lock file {}", lock_path.display()))?;
        file.lock()
            .with_context(|| format!("cannot lock {}", lock_path.display()))?;
        let index = index::read(&self.home.index_file())?;
        let mut locked = Locked {
            _lock: file,
            registry: self,
            index,
            recovered: Vec::new(),
        };
        locked.recover()?;
        // A home from before the projects file, or one whose file was
        // deleted: write it now (the hooks read nothing else).
        let projects = self.home.projects_file();
        if projects.symlink_metadata().is_err() {
            projects::sync(&projects, &locked.index);
        }
        Ok(locked)
    }

    /// The entry for `name`, or an error with a "did you mean" suggestion.
    pub fn get<'i>(index: &'i Index, name: &str) -> Result<&'i Entry> {
        if let Some(entry) = index.envs.get(name) {
            return Ok(entry);
        }
        bail!(unknown_message(index, name))
    }

    /// Record that `name` was used now: lock-free and silent (see `used`).
    pub fn record_used(&self, name: &str) {
        used::record(&self.used_dir(), name);
    }
}

/// An index entry for the venv at `dir` (built by envreg or not), read
/// from its pyvenv.cfg; `None` when it has no readable one.
pub fn entry_for_venv(dir: &Path) -> Option<Entry> {
    adopt::venv_entry(dir)
}

/// "no environment named X", with the closest name or how to list them as the hint.
pub fn unknown_message(index: &Index, name: &str) -> Hinted {
    let msg = format!("no environment named '{name}'");
    match name::suggest(name, index.envs.keys().map(String::as_str)) {
        Some(close) => hinted(msg, format!("did you mean '{close}'?")),
        None if index.envs.is_empty() => hinted(
            msg,
            "the registry is empty; create one with 'envreg mkenv NAME'",
        ),
        None => hinted(msg, "'envreg ls' lists the environments"),
    }
}

/// The index, held under the lock until this is dropped.
pub struct Locked<'r> {
    _lock: File,
    registry: &'r Registry,
    index: Index,
    /// Names this lock registered because an interrupted run left them.
    recovered: Vec<String>,
}

/// What `rm` did under the lock; the trash is deleted after the lock is
/// released, by [`Removal::finish`].
pub struct Removal {
    trash: Vec<Trash>,
    /// Directories of environments registered from elsewhere that `rm
    /// --delete` deletes once the removal is saved (checked venvs).
    foreign: Vec<PathBuf>,
    /// One sentence per directory left on disk, saying why.
    pub kept: Vec<String>,
}

impl Removal {
    pub fn finish(self, registry: &Registry) {
        for trash in self.trash {
            trash.delete();
            crate::crash_point!("rm.deleted");
        }
        for dir in self.foreign {
            match inplace::delete_foreign(registry, &dir) {
                Ok(()) => crate::say!("envreg: deleted {}", dir.display()),
                Err(err) => crate::say!("envreg: warning: {err:#}"),
            }
        }
    }
}

impl Locked<'_> {
    /// Save the index, then bring the projects file the auto-activation
    /// hooks read up to date with it (see `projects`).
    fn save(&self) -> Result<()> {
        index::write(&self.registry.home.index_file(), &self.index)?;
        projects::sync(&self.registry.home.projects_file(), &self.index);
        Ok(())
    }

    /// Repair what interrupted commands left, save, and say what was done.
    fn recover(&mut self) -> Result<()> {
        // First an interrupted `mv`: its NEW directory is not an orphan.
        match self.recover_rename()? {
            Some(rename::Rolled::Finished(old, new)) => crate::say!(
                "envreg: finished renaming '{old}' to '{new}': an interrupted 'envreg mv' had \
                 started it"
            ),
            Some(rename::Rolled::Dropped(why)) => crate::say!(
                "envreg: warning: ignored the journal of an interrupted 'envreg mv': {why}"
            ),
            Some(rename::Rolled::AlreadyDone) | None => {}
        }
        let envs = self.registry.home.envs_dir();
        let listing = staging::list(&envs);
        let mut restored = Vec::new();
        // Newest first: the trash of an `rm` that did not commit holds an
        // environment the index still lists; it goes back. Any other
        // leftover is garbage.
        for leftover in staging::leftovers(&envs, &listing).iter().rev() {
            let dest = self.registry.env_dir(&leftover.name);
            let uncommitted = leftover.trash
                && self
                    .index
                    .envs
                    .get(&leftover.name)
                    .is_some_and(|e| e.managed)
                && dest.symlink_metadata().is_err();
            if uncommitted && fs::rename(leftover.dir(&envs), &dest).is_ok() {
                crate::crash_point!("recover.restored");
                restored.push(leftover.name.clone());
            }
            staging::discard(&envs, leftover);
        }
        let listing = if staging::any_scratch(&listing) || !restored.is_empty() {
            staging::remove_stale_locks(&envs, &staging::list(&envs));
            staging::list(&envs)
        } else {
            listing
        };
        // A copy `cp`/`mv` moved into place but never recorded: the command
        // did not commit, so it is undone — but only while its source is
        // still a registered environment on disk, so that the copy is never
        // the only one. Otherwise (the index was lost or replaced) the mark
        // is dropped and the copy is registered like any other orphan.
        let mut discarded = Vec::new();
        for name in adopt::uncommitted(&envs, &listing, &self.index) {
            let dir = envs.join(name);
            let source_registered = adopt::uncommitted_source(&dir).is_some_and(|src| {
                is_venv(&src)
                    && self
                        .index
                        .envs
                        .iter()
                        .any(|(n, e)| same_dir(&self.registry.dir_of(n, e), &src))
            });
            if !source_registered {
                let _ = fs::remove_file(dir.join(clone::UNCOMMITTED));
                continue;
            }
            if let Ok(trash) = Trash::take(&envs, &dir, name) {
                crate::crash_point!("recover.discarded");
                trash.delete();
                discarded.push(name.clone());
            }
        }
        let listing = if discarded.is_empty() {
            listing
        } else {
            staging::list(&envs)
        };
        // An `import --move` copy moved into envs/NAME while NAME is still
        // registered in place at the copy's source: it did not commit.
        for (name, entry) in &self.index.envs {
            let dir = envs.join(name);
            if !entry.managed
                && adopt::is_uncommitted(&dir)
                && adopt::uncommitted_source(&dir).is_some_and(|src| src == entry.path)
                && let Ok(trash) = Trash::take(&envs, &dir, name)
            {
                crate::crash_point!("recover.discarded");
                trash.delete();
                discarded.push(name.clone());
            }
        }
        let adopted = adopt::adopt_orphans(&envs, &listing, &mut self.index);
        if !adopted.is_empty() {
            crate::crash_point!("recover.adopted");
        }
        // Temporary files of writers that died (a full disk, a kill).
        if let Some(root) = self.registry.home.index_file().parent() {
            crate::fsutil::remove_stale_temps(root);
        }
        crate::fsutil::remove_stale_temps(&self.registry.home.cache_dir());
        let recorded = used::read(&self.registry.used_dir());
        let folded = used::fold(&mut self.index, &recorded);
        if !adopted.is_empty() || folded {
            self.save()
                .context("cannot record the recovery of an interrupted run")?;
            crate::crash_point!("recover.saved");
        }
        if !recorded.is_empty() {
            used::clear(&self.registry.used_dir(), &recorded);
        }
        for name in &restored {
            crate::say!(
                "envreg: put '{name}' back: an interrupted 'envreg rm' had moved it aside \
                 before recording the removal; nothing was removed"
            );
        }
        for name in &discarded {
            crate::say!(
                "envreg: removed an unfinished copy '{name}': an interrupted 'envreg cp' or \
                 'envreg mv' had not registered it; its source is unchanged"
            );
        }
        for name in &adopted {
            crate::say!(
                "envreg: registered '{name}': an interrupted 'envreg mkenv' had built it \
                 without recording it (remove it with 'envreg rm {name}' if you do not want it)"
            );
        }
        self.recovered = adopted;
        Ok(())
    }

    /// Refuse a name that exists, also when it differs only in case
    /// (macOS and Windows file systems fold case).
    pub fn check_free(&self, name: &str) -> Result<()> {
        if let Some(entry) = self.index.envs.get(name) {
            if self.recovered.iter().any(|n| n == name) {
                bail!(hinted(
                    format!("'{name}' was created by an interrupted run and is registered now"),
                    format!("'envreg rm {name}' starts over")
                ));
            }
            if let Some(why) = &entry.incomplete {
                bail!(hinted(
                    format!("'{name}' exists, but it is incomplete ({why})"),
                    format!("'envreg rm {name}' starts over")
                ));
            }
            bail!(hinted(
                format!("an environment named '{name}' already exists"),
                format!("remove it first with 'envreg rm {name}', or choose another name")
            ));
        }
        if let Some(other) = self
            .index
            .envs
            .keys()
            .find(|k| k.eq_ignore_ascii_case(name))
        {
            bail!(hinted(
                format!("'{name}' differs only in case from the existing environment '{other}'"),
                "names must differ in more than case (macOS and Windows fold case)"
            ));
        }
        let dir = self.registry.env_dir(name);
        if dir.symlink_metadata().is_ok() {
            bail!(hinted(
                format!(
                    "{} already exists but is not an environment envreg built",
                    dir.display()
                ),
                "move it away, or choose another name"
            ));
        }
        Ok(())
    }

    /// Begin building `name`: a staging directory in `envs/`.
    pub fn stage(&self, name: &str) -> Result<Staging> {
        let staging = self.begin_staging(name)?;
        crate::crash_point!("mkenv.staged");
        Ok(staging)
    }

    /// A staging directory for the new environment `name` (checked free).
    fn begin_staging(&self, name: &str) -> Result<Staging> {
        self.check_free(name)?;
        Staging::begin(&self.registry.home.envs_dir(), name)
    }

    /// Move the built `staging` to `envs/NAME` and record `entry`. All or
    /// nothing: if the index cannot be saved, the new directory is deleted.
    pub fn create(&mut self, name: &str, staging: Staging, entry: Entry) -> Result<()> {
        self.check_free(name)?;
        let dir = self.registry.env_dir(name);
        if entry.project.is_some() {
            settings::write_project_file(staging.dir(), entry.project.as_deref(), false)?;
        }
        staging.commit(&dir)?;
        crate::crash_point!("mkenv.renamed");
        self.index.envs.insert(name.to_string(), entry);
        if let Err(err) = self.save() {
            self.index.envs.remove(name);
            if let Ok(trash) = Trash::take(&self.registry.home.envs_dir(), &dir, name) {
                trash.delete();
            }
            return Err(err);
        }
        crate::crash_point!("mkenv.committed");
        Ok(())
    }

    /// Mark `name` complete (its packages are installed).
    pub fn complete(&mut self, name: &str) -> Result<()> {
        if let Some(entry) = self.index.envs.get_mut(name) {
            entry.incomplete = None;
            self.save()?;
            crate::crash_point!("mkenv.completed");
        }
        Ok(())
    }

    /// Remove `names`: every name is checked, every environment envreg owns
    /// is moved to the trash, then the index is saved. Any failure puts
    /// everything back and removes nothing.
    /// With `delete`, the directories of environments registered from
    /// elsewhere are deleted too, after the save, when they are venvs.
    pub fn remove(&mut self, names: &[String], force: bool, delete: bool) -> Result<Removal> {
        let mut plan = Vec::new();
        let mut kept = Vec::new();
        let mut foreign = Vec::new();
        for name in names {
            let entry = Registry::get(&self.index, name).context("nothing was removed")?;
            let dir = self.registry.dir_of(name, entry);
            if !force && is_active(&dir) {
                bail!(
                    hinted(
                        format!(
                            "'{name}' is the active environment ($VIRTUAL_ENV); nothing was removed"
                        ),
                        "run 'deactivate' first"
                    )
                    .hint("or pass --force to remove it anyway")
                );
            }
            match disposal(&dir, entry.managed) {
                Disposal::Gone => {}
                Disposal::Keep(_) if delete && !entry.managed => {
                    foreign_check(&dir).with_context(|| {
                        format!("cannot delete the files of '{name}'; nothing was removed")
                    })?;
                    foreign.push(dir);
                }
                Disposal::Delete => plan.push((name.clone(), dir)),
                Disposal::Keep(why) => kept.push(format!(
                    "left {} on disk: {why}; delete it yourself if you do not need it",
                    dir.display()
                )),
            }
        }
        let envs = self.registry.home.envs_dir();
        let mut trash: Vec<Trash> = Vec::new();
        for (name, dir) in &plan {
            match Trash::take(&envs, dir, name) {
                Ok(t) => trash.push(t),
                Err(err) => {
                    put_back(trash);
                    return Err(err.context(format!("cannot remove '{name}'; nothing was removed")));
                }
            }
            crate::crash_point!("rm.trashed");
        }
        let before = self.index.clone();
        for name in names {
            self.index.envs.remove(name);
        }
        if let Err(err) = self.save() {
            self.index = before;
            put_back(trash);
            return Err(err.context("nothing was removed"));
        }
        crate::crash_point!("rm.committed");
        Ok(Removal {
            trash,
            kept,
            foreign,
        })
    }
}

fn put_back(trash: Vec<Trash>) {
    for t in trash.into_iter().rev() {
        if let Err(err) = t.restore() {
            crate::say!("envreg: {err:#}");
        }
    }
}

enum Disposal {
    /// Nothing on disk.
    Gone,
    /// envreg's own: move it to the trash.
    Delete,
    /// Not envreg's to delete: unregister only, for this reason.
    Keep(String),
}

/// What `rm` may do with `dir`. A managed environment's directory is
/// deleted when it is an environment (it has a pyvenv.cfg), a symbolic link
/// (only the link goes), or holds nothing but files envreg itself writes
/// (what a backup that skipped cache directories restores). Anything else,
/// and every environment registered from elsewhere, is only unregistered.
fn disposal(dir: &Path, managed: bool) -> Disposal {
    let Ok(meta) = dir.symlink_metadata() else {
        return Disposal::Gone;
    };
    if !managed {
        return Disposal::Keep(
            "it was registered from elsewhere, so envreg only forgets it ('envreg rm --delete' \
             deletes such a venv)"
                .into(),
        );
    }
    if meta.file_type().is_symlink() || is_venv(dir) || only_envreg_files(dir) {
        return Disposal::Delete;
    }
    Disposal::Keep("it has no pyvenv.cfg and holds files envreg did not write".into())
}

/// Whether `rm --delete` may delete `dir`, the directory an unmanaged entry
/// names: a real directory (a link is not followed) that is a venv.
fn foreign_check(dir: &Path) -> Result<()> {
    let meta = dir.symlink_metadata()?;
    if !meta.is_dir() {
        bail!(
            "{} is a symbolic link or a file, not a venv's directory; envreg does not follow it",
            dir.display()
        );
    }
    if !is_venv(dir) {
        bail!(
            "{} has no pyvenv.cfg, so it is not a venv; envreg deletes only venvs",
            dir.display()
        );
    }
    Ok(())
}

/// True when `dir` holds only files envreg writes into an environment's
/// top level (or used to) and empty directories.
fn only_envreg_files(dir: &Path) -> bool {
    const OURS: &[&str] = &["CACHEDIR.TAG", ".gitignore", "pyvenv.cfg"];
    let Ok(rd) = fs::read_dir(dir) else {
        return false;
    };
    rd.flatten().all(|e| {
        let name = e.file_name();
        match e.file_type() {
            Ok(t) if t.is_dir() => fs::read_dir(e.path()).is_ok_and(|mut r| r.next().is_none()),
            Ok(t) if t.is_file() => OURS.iter().any(|o| name == *o),
            _ => false,
        }
    })
}

/// True when `dir` is the active environment ($VIRTUAL_ENV).
pub fn is_active(dir: &Path) -> bool {
    std::env::var_os("VIRTUAL_ENV").is_some_and(|a| same_dir(Path::new(&a), dir))
}

pub fn same_dir(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// True when `dir` looks like a virtual environment (has a pyvenv.cfg).
pub fn is_venv(dir: &Path) -> bool {
    dir.join("pyvenv.cfg").is_file()
}
