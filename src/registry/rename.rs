//! The `mv OLD NEW` transaction: the directory is renamed in place, with a
//! roll-forward journal (see the table in the module docs of `registry`).
//!
//! Under the lock: the journal (`ENVREG_HOME/mv-journal.json`: both names,
//! both directories, the old directory with its links resolved, the user's
//! prompt) is written and synced; `envs/OLD` is renamed to `envs/NEW`; every
//! file that names the old directory is rewritten, each replaced atomically;
//! pyvenv.cfg's prompt and the activation scripts are updated; the index is
//! saved with the entry renamed (the commit point); the journal is removed.
//!
//! Whichever command next takes the lock and finds a journal finishes the
//! rename: each step is idempotent, so it is redone from wherever the kill
//! left it. A kill therefore never leaves a half-renamed environment: before
//! the journal exists nothing happened (OLD is registered and works); from
//! then on the rename will be completed (NEW).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use super::settings::Replace;
use super::{Locked, Registry, clone, is_active};

/// The journal's file name in the home.
pub const JOURNAL: &str = "mv-journal.json";

/// What a rename must finish. Written before anything is changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    pub old: String,
    pub new: String,
    pub old_dir: PathBuf,
    pub new_dir: PathBuf,
    /// `old_dir` with its links resolved, when that differs (files may name it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_resolved: Option<PathBuf>,
    /// The prompt the user set, if any (it is kept as it is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
}

/// How a found journal was dealt with, for the recovery message.
pub enum Rolled {
    /// The rename was finished now.
    Finished(String, String),
    /// It had been recorded already; only the journal was left.
    AlreadyDone,
    /// The journal did not match the registry (neither name registered, or
    /// both directories present): dropped, with this explanation.
    Dropped(String),
}

pub fn journal_path(registry: &Registry) -> PathBuf {
    registry.home.index_file().with_file_name(JOURNAL)
}

/// The journal, if there is one. One that cannot be parsed is an error.
fn read_journal(path: &Path) -> Result<Option<Journal>> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .with_context(|| format!("cannot parse the rename journal {}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

impl Locked<'_> {
    /// Rename `old` (an environment envreg manages, its directory in place,
    /// not the active one unless `force`) to `new` (free), in place.
    pub fn rename(&mut self, old: &str, new: &str, force: bool) -> Result<()> {
        let entry = Registry::get(&self.index, old)?.clone();
        let old_dir = self.registry.dir_of(old, &entry);
        if !entry.managed {
            bail!(
                "'{old}' was registered from elsewhere ({}); envreg only renames environments \
                 it manages (copy it in with 'envreg cp {} {new}')",
                old_dir.display(),
                old_dir.display()
            );
        }
        if old_dir.symlink_metadata().is_err() {
            bail!(
                "the directory of '{old}' ({}) is gone; nothing to rename ('envreg rm {old}' \
                 unregisters it)",
                old_dir.display()
            );
        }
        if !force && is_active(&old_dir) {
            bail!(
                "'{old}' is the active environment ($VIRTUAL_ENV); run 'deactivate' first or \
                 pass --force; nothing was renamed"
            );
        }
        if old == new {
            bail!("'{old}' already has that name; nothing was renamed");
        }
        self.check_free(new)?;
        let new_dir = self.registry.env_dir(new);
        let resolved = old_dir.canonicalize().ok().filter(|c| *c != old_dir);
        let journal = Journal {
            old: old.to_string(),
            new: new.to_string(),
            old_dir,
            new_dir,
            old_resolved: resolved,
            prompt: entry.flags.prompt.clone(),
        };
        let path = journal_path(self.registry);
        let text = serde_json::to_vec(&journal).context("cannot write the rename journal")?;
        crate::fsutil::write_atomic(&path, &text)
            .with_context(|| format!("cannot write {}; nothing was renamed", path.display()))?;
        crate::crash_point!("mv.journaled");
        self.roll_forward(&journal).with_context(|| {
            format!(
                "the rename of '{old}' to '{new}' stopped half-way; the next envreg command \
                 finishes it (its journal: {})",
                path.display()
            )
        })
    }

    /// Finish the rename `journal` describes, from wherever it stopped. Every
    /// step is idempotent.
    fn roll_forward(&mut self, j: &Journal) -> Result<()> {
        if j.old_dir.symlink_metadata().is_ok() && j.new_dir.symlink_metadata().is_err() {
            fs::rename(&j.old_dir, &j.new_dir).with_context(|| {
                format!(
                    "cannot rename {} to {}",
                    j.old_dir.display(),
                    j.new_dir.display()
                )
            })?;
            crate::crash_point!("mv.renamed");
        }
        clone::rewrite_in_place(
            &j.new_dir,
            &j.old_dir,
            j.old_resolved.as_deref(),
            &j.new_dir,
            &self.registry.home.cache_dir(),
        )?;
        clone::retarget(
            &j.new_dir,
            &j.new_dir,
            &j.old,
            &j.new,
            j.prompt.as_deref(),
            Replace::Unsynced,
        )?;
        // `.project` names the project, not the environment: it is written
        // as the index has it, so a rewrite above can never leave it wrong.
        if let Some(entry) = self.index.envs.get(&j.old) {
            super::settings::write_project_file(&j.new_dir, entry.project.as_deref(), true)?;
        }
        crate::crash_point!("mv.rewritten");
        if let Some(mut entry) = self.index.envs.get(&j.old).cloned() {
            let before = self.index.clone();
            entry.path = j.new_dir.clone();
            self.index.envs.remove(&j.old);
            self.index.envs.insert(j.new.clone(), entry);
            if let Err(err) = self.save() {
                self.index = before;
                return Err(err);
            }
            crate::crash_point!("mv.committed");
        }
        self.relink(j);
        self.remove_journal()?;
        Ok(())
    }

    /// The `.venv` links of `envreg link` follow the environment (after the
    /// commit; idempotent, so a recovery redoes it).
    fn relink(&self, j: &Journal) {
        if let Some(entry) = self.index.envs.get(&j.new)
            && super::links::repoint(&entry.links, &j.old_dir, &j.new_dir)
        {
            crate::crash_point!("mv.relinked");
        }
    }

    fn remove_journal(&self) -> Result<()> {
        let path = journal_path(self.registry);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(e).with_context(|| format!("cannot remove {}", path.display()))
            }
            _ => {
                crate::crash_point!("mv.finished");
                Ok(())
            }
        }
    }

    /// Recovery: finish a rename whose journal is left (the first step of
    /// recovery, before leftovers and orphans are judged). None when there
    /// is no journal.
    pub(super) fn recover_rename(&mut self) -> Result<Option<Rolled>> {
        let path = journal_path(self.registry);
        let j = match read_journal(&path) {
            Ok(Some(j)) => j,
            Ok(None) => return Ok(None),
            Err(err) => {
                // Only written whole (write_atomic): an unreadable one is
                // not envreg's; set it aside rather than stop every command.
                let aside = path.with_extension("json.bad");
                let _ = fs::rename(&path, &aside);
                return Ok(Some(Rolled::Dropped(format!(
                    "{err:#}; moved it to {}",
                    aside.display()
                ))));
            }
        };
        let has = |n: &str| self.index.envs.get(n).is_some_and(|e| e.managed);
        let (old_there, new_there) = (
            j.old_dir.symlink_metadata().is_ok(),
            j.new_dir.symlink_metadata().is_ok(),
        );
        if has(&j.new) && !has(&j.old) && !old_there {
            self.relink(&j);
            self.remove_journal()?;
            return Ok(Some(Rolled::AlreadyDone));
        }
        if !has(&j.old) || has(&j.new) || (old_there && new_there) || !(old_there || new_there) {
            self.remove_journal()?;
            return Ok(Some(Rolled::Dropped(format!(
                "it did not match the registry ('{}' registered: {}, '{}' registered: {})",
                j.old,
                has(&j.old),
                j.new,
                has(&j.new)
            ))));
        }
        self.roll_forward(&j).with_context(|| {
            format!(
                "cannot finish the interrupted rename of '{}' to '{}' (its journal: {}); fix \
                 the cause and run any envreg command again",
                j.old,
                j.new,
                path.display()
            )
        })?;
        Ok(Some(Rolled::Finished(j.old, j.new)))
    }
}
