//! Scratch directories inside `envs/`: staging directories for environments
//! being built (`.tmp-NAME-…`) and trash directories for environments being
//! removed (`.trash-NAME-…`).
//!
//! Each has a sibling lock file (`….lock`) that its owner holds locked while
//! it works. Both are created under the index lock, and leftovers are judged
//! under the index lock, so a live build or a live deletion is never mistaken
//! for a leftover: when its owner dies the OS releases the lock and the next
//! command cleans up (or, for the trash of an uncommitted `rm`, puts the
//! environment back; see `recover`).

use std::fs::{self, File};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};

pub const TMP: &str = ".tmp-";
pub const TRASH: &str = ".trash-";
const LOCK_EXT: &str = ".lock";
/// Marks a trash directory that could not be deleted and was reported.
const REPORTED_EXT: &str = ".reported";

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// `PREFIX NAME - NANOS - PID N`: the fixed-width time stamp makes the
/// newest trash of a name sort last.
fn unique(prefix: &str, name: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{prefix}{name}-{nanos:032x}-{}x{n}", std::process::id())
}

/// A scratch directory with its held lock file; what happens to the
/// directory on drop depends on the kind (see [`Staging`], [`Trash`]).
struct Scratch {
    dir: PathBuf,
    lock_path: PathBuf,
    _lock: File,
}

impl Scratch {
    /// Create the lock file and take it. Call under the index lock.
    fn begin(envs: &Path, prefix: &str, name: &str) -> Result<Scratch> {
        let base = unique(prefix, name);
        let dir = envs.join(&base);
        let lock_path = envs.join(format!("{base}{LOCK_EXT}"));
        let lock = File::options()
            .write(true)
            .create_new(true)
            .open(&lock_path)
            .with_context(|| format!("cannot create {}", lock_path.display()))?;
        lock.lock()
            .with_context(|| format!("cannot lock {}", lock_path.display()))?;
        Ok(Scratch {
            dir,
            lock_path,
            _lock: lock,
        })
    }
}

/// A directory being built; removed on drop unless committed.
pub struct Staging {
    scratch: Scratch,
    committed: bool,
}

impl Staging {
    /// Create a staging directory for `name` in `envs`. Call under the index lock.
    pub fn begin(envs: &Path, name: &str) -> Result<Staging> {
        let scratch = Scratch::begin(envs, TMP, name)?;
        let staging = Staging {
            scratch,
            committed: false,
        };
        fs::create_dir(&staging.scratch.dir)
            .with_context(|| format!("cannot create {}", staging.scratch.dir.display()))?;
        Ok(staging)
    }

    pub fn dir(&self) -> &Path {
        &self.scratch.dir
    }

    /// Move the built directory to `dest`. Call under the index lock.
    pub fn commit(mut self, dest: &Path) -> Result<()> {
        fs::rename(&self.scratch.dir, dest).with_context(|| {
            format!(
                "cannot move {} to {}",
                self.scratch.dir.display(),
                dest.display()
            )
        })?;
        self.committed = true;
        super::index::sync_dir(dest.parent().unwrap_or(dest));
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.scratch.dir);
        }
        let _ = fs::remove_file(&self.scratch.lock_path);
    }
}

/// An environment moved out of the way by `rm`. Until the index is saved
/// the move can be undone ([`Trash::restore`]); after that, [`Trash::delete`]
/// removes it. Dropped without either, it stays for the next command.
pub struct Trash {
    scratch: Scratch,
    from: PathBuf,
}

impl Trash {
    /// Move `dir` (an environment of `name`) to a new trash directory.
    /// Call under the index lock.
    pub fn take(envs: &Path, dir: &Path, name: &str) -> Result<Trash> {
        let scratch = Scratch::begin(envs, TRASH, name)?;
        if let Err(err) = fs::rename(dir, &scratch.dir) {
            let _ = fs::remove_file(&scratch.lock_path);
            return Err(err).with_context(|| format!("cannot move {} aside", dir.display()));
        }
        Ok(Trash {
            scratch,
            from: dir.to_path_buf(),
        })
    }

    /// Put the environment back where it was.
    pub fn restore(self) -> Result<()> {
        fs::rename(&self.scratch.dir, &self.from).with_context(|| {
            format!(
                "cannot move {} back to {}",
                self.scratch.dir.display(),
                self.from.display()
            )
        })?;
        let _ = fs::remove_file(&self.scratch.lock_path);
        Ok(())
    }

    /// Delete the moved environment (outside the index lock: the held lock
    /// file keeps other commands away from it).
    pub fn delete(self) {
        remove_trash(&self.scratch.dir);
        let _ = fs::remove_file(&self.scratch.lock_path);
    }
}

/// The names in `envs/` (non-UTF-8 names are not envreg's and are skipped).
pub fn list(envs: &Path) -> Vec<String> {
    fs::read_dir(envs)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// A scratch directory left by a run that died (its lock is free).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    /// The directory name in `envs/`.
    pub base: String,
    /// The environment name it was for.
    pub name: String,
    pub trash: bool,
}

impl Leftover {
    pub fn dir(&self, envs: &Path) -> PathBuf {
        envs.join(&self.base)
    }
}

/// True when `listing` holds any scratch entry (live or not).
pub fn any_scratch(listing: &[String]) -> bool {
    listing
        .iter()
        .any(|n| n.starts_with(TMP) || n.starts_with(TRASH))
}

/// Scratch directories whose owner is gone, sorted so that the newest trash
/// of a name comes last. Call under the index lock.
pub fn leftovers(envs: &Path, listing: &[String]) -> Vec<Leftover> {
    let mut found = Vec::new();
    for base in listing {
        let (trash, rest) = if let Some(rest) = base.strip_prefix(TRASH) {
            (true, rest)
        } else if let Some(rest) = base.strip_prefix(TMP) {
            (false, rest)
        } else {
            continue;
        };
        if rest.ends_with(LOCK_EXT) || rest.ends_with(REPORTED_EXT) {
            continue;
        }
        let lock = envs.join(format!("{base}{LOCK_EXT}"));
        let free = match File::options().write(true).open(&lock) {
            Ok(file) => file.try_lock().is_ok(),
            Err(err) => err.kind() == ErrorKind::NotFound,
        };
        if !free {
            continue;
        }
        // NAME-NANOS-PIDxN: names may contain '-', so split from the right.
        let name = rest.rsplitn(3, '-').nth(2).unwrap_or(rest).to_string();
        found.push(Leftover {
            base: base.clone(),
            name,
            trash,
        });
    }
    found.sort_by(|a, b| a.base.cmp(&b.base));
    found
}

/// Lock files whose directory is gone and whose lock is free.
pub fn remove_stale_locks(envs: &Path, listing: &[String]) {
    for base in listing {
        let Some(stem) = base.strip_suffix(LOCK_EXT) else {
            continue;
        };
        if !(stem.starts_with(TMP) || stem.starts_with(TRASH)) || listing.iter().any(|n| n == stem)
        {
            continue;
        }
        let path = envs.join(base);
        let free = File::options()
            .write(true)
            .open(&path)
            .is_ok_and(|f| f.try_lock().is_ok());
        if free {
            let _ = fs::remove_file(&path);
        }
    }
}

/// True when a trash directory `base` could not be deleted and was reported.
pub fn reported(envs: &Path, base: &str) -> bool {
    envs.join(format!("{base}{REPORTED_EXT}")).exists()
}

/// Markers of undeletable trash whose directory is gone. Best effort.
pub fn remove_orphan_markers(envs: &Path, listing: &[String]) {
    for base in listing {
        if let Some(stem) = base.strip_suffix(REPORTED_EXT)
            && stem.starts_with(TRASH)
            && !listing.iter().any(|n| n == stem)
        {
            let _ = fs::remove_file(envs.join(base));
        }
    }
}

/// Remove a leftover scratch directory and its lock file. Best effort.
pub fn discard(envs: &Path, leftover: &Leftover) {
    let dir = leftover.dir(envs);
    if leftover.trash {
        remove_trash(&dir);
    } else {
        let _ = fs::remove_dir_all(&dir);
    }
    if !dir.exists() {
        let _ = fs::remove_file(envs.join(format!("{}{LOCK_EXT}", leftover.base)));
    }
}

/// Delete a trash directory. One that cannot be deleted (a busy mount
/// point, a read-only file system) is reported once: a marker file beside
/// it keeps later commands quiet while they retry.
fn remove_trash(dir: &Path) {
    let marker = PathBuf::from(format!("{}{REPORTED_EXT}", dir.display()));
    match fs::remove_dir_all(dir) {
        Ok(()) => {
            let _ = fs::remove_file(&marker);
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {
            let _ = fs::remove_file(&marker);
        }
        Err(e) => {
            if !marker.exists() {
                crate::say!(
                    "envreg: warning: cannot delete {} (a removed environment): {e}; \
                     envreg retries quietly, or delete it yourself",
                    dir.display()
                );
                let _ = File::create(&marker);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_scratch_is_not_a_leftover_and_dead_is() {
        let envs = tempfile::tempdir().unwrap();
        let live = Staging::begin(envs.path(), "a").unwrap();
        fs::write(live.dir().join("f"), "x").unwrap();
        // A dead one: directory + lock file that nobody holds.
        fs::create_dir(envs.path().join(".tmp-b-1-1x0")).unwrap();
        File::create(envs.path().join(".tmp-b-1-1x0.lock")).unwrap();
        // Trash without a lock file, of a name with dashes.
        fs::create_dir(envs.path().join(".trash-my-env-2-2x0")).unwrap();
        // A real env is never listed.
        fs::create_dir(envs.path().join("real")).unwrap();

        let found = leftovers(envs.path(), &list(envs.path()));
        let names: Vec<_> = found.iter().map(|l| (l.name.as_str(), l.trash)).collect();
        assert_eq!(names, [("b", false), ("my-env", true)]);
        for l in &found {
            discard(envs.path(), l);
        }
        assert!(live.dir().join("f").exists());
        assert!(!envs.path().join(".tmp-b-1-1x0").exists());
        assert!(!envs.path().join(".tmp-b-1-1x0.lock").exists());
        assert!(!envs.path().join(".trash-my-env-2-2x0").exists());
        assert!(envs.path().join("real").exists());

        let dir = live.dir().to_path_buf();
        drop(live);
        assert!(!dir.exists());
        assert!(list(envs.path()) == ["real"], "{:?}", list(envs.path()));
    }

    #[test]
    fn trash_restores_and_deletes() {
        let envs = tempfile::tempdir().unwrap();
        let env = envs.path().join("e");
        fs::create_dir(&env).unwrap();
        fs::write(env.join("pyvenv.cfg"), "x").unwrap();
        let t = Trash::take(envs.path(), &env, "e").unwrap();
        assert!(!env.exists());
        // Held: not a leftover while its owner lives.
        assert!(leftovers(envs.path(), &list(envs.path())).is_empty());
        t.restore().unwrap();
        assert!(env.join("pyvenv.cfg").exists());
        let t = Trash::take(envs.path(), &env, "e").unwrap();
        t.delete();
        assert_eq!(list(envs.path()), Vec::<String>::new());
    }
}
