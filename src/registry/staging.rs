//! Staging directories for environments being built, and trash directories
//! for environments being removed, both inside `envs/`.
//!
//! A staging directory `envs/.tmp-NAME-PID-N` has a sibling lock file
//! `envs/.tmp-NAME-PID-N.lock` that its builder holds locked while it works.
//! Both are created under the index lock, and stale ones are removed under the
//! index lock, so a live build is never mistaken for a leftover: when the
//! builder dies its lock is released by the OS and the next run cleans up.

use std::fs::{self, File};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::{Context, Result};

const TMP: &str = ".tmp-";
const TRASH: &str = ".trash-";
const LOCK_EXT: &str = ".lock";

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str, name: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{prefix}{name}-{}-{nanos:x}{n}", std::process::id())
}

/// A directory being built; removed on drop unless committed.
pub struct Staging {
    dir: PathBuf,
    lock_path: PathBuf,
    _lock: File,
    committed: bool,
}

impl Staging {
    /// Create a staging directory for `name` in `envs`. Call under the index lock.
    pub fn begin(envs: &Path, name: &str) -> Result<Staging> {
        let base = unique(TMP, name);
        let dir = envs.join(&base);
        let lock_path = envs.join(format!("{base}{LOCK_EXT}"));
        let lock = File::create(&lock_path)
            .with_context(|| format!("cannot create {}", lock_path.display()))?;
        lock.lock()
            .with_context(|| format!("cannot lock {}", lock_path.display()))?;
        fs::create_dir(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(Staging {
            dir,
            lock_path,
            _lock: lock,
            committed: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Move the built directory to `dest`. Call under the index lock.
    pub fn commit(mut self, dest: &Path) -> Result<()> {
        fs::rename(&self.dir, dest)
            .with_context(|| format!("cannot move {} to {}", self.dir.display(), dest.display()))?;
        self.committed = true;
        super::index::sync_dir(dest.parent().unwrap_or(dest));
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
        let _ = fs::remove_file(&self.lock_path);
    }
}

/// Move an environment directory out of the way (to `envs/.trash-NAME-…`),
/// so it can be deleted after the lock is released. Call under the index lock.
pub fn to_trash(envs: &Path, dir: &Path, name: &str) -> Result<PathBuf> {
    let trash = envs.join(unique(TRASH, name));
    fs::rename(dir, &trash)
        .with_context(|| format!("cannot move {} out of the way", dir.display()))?;
    Ok(trash)
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

/// Remove what killed runs left behind: staging directories whose lock is
/// free, and trash directories. Best effort; call under the index lock.
pub fn remove_stale(envs: &Path, listing: &[String]) {
    for name in listing {
        let path = envs.join(name);
        if name.starts_with(TRASH) {
            remove_quietly(&path);
        } else if let Some(base) = name.strip_prefix(TMP) {
            if let Some(stem) = base.strip_suffix(LOCK_EXT) {
                // A lock file: stale when nobody holds it.
                let free = File::options()
                    .write(true)
                    .open(&path)
                    .is_ok_and(|f| f.try_lock().is_ok());
                if free {
                    remove_quietly(&envs.join(format!("{TMP}{stem}")));
                    let _ = fs::remove_file(&path);
                }
            } else if !envs.join(format!("{name}{LOCK_EXT}")).exists() {
                // A staging directory whose lock file is gone.
                remove_quietly(&path);
            }
        }
    }
}

fn remove_quietly(path: &Path) {
    match fs::remove_dir_all(path) {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => crate::say!("envreg: warning: cannot remove {}: {e}", path.display()),
    }
}

/// Delete a trash directory (outside the lock). Leftovers are retried later.
pub fn empty_trash(trash: &Path) {
    remove_quietly(trash);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_staging_survives_cleanup_and_dead_is_removed() {
        let envs = tempfile::tempdir().unwrap();
        let live = Staging::begin(envs.path(), "a").unwrap();
        fs::write(live.dir().join("f"), "x").unwrap();
        // A dead one: directory + lock file that nobody holds.
        let dead_dir = envs.path().join(".tmp-b-1-1");
        fs::create_dir(&dead_dir).unwrap();
        File::create(envs.path().join(".tmp-b-1-1.lock")).unwrap();
        // An orphan without lock file, and trash.
        fs::create_dir(envs.path().join(".tmp-c-2-2")).unwrap();
        fs::create_dir(envs.path().join(".trash-d-3-3")).unwrap();
        // A real env is never touched.
        fs::create_dir(envs.path().join("real")).unwrap();

        remove_stale(envs.path(), &list(envs.path()));

        assert!(live.dir().join("f").exists());
        assert!(!dead_dir.exists());
        assert!(!envs.path().join(".tmp-b-1-1.lock").exists());
        assert!(!envs.path().join(".tmp-c-2-2").exists());
        assert!(!envs.path().join(".trash-d-3-3").exists());
        assert!(envs.path().join("real").exists());

        let dir = live.dir().to_path_buf();
        drop(live);
        assert!(!dir.exists());
    }
}
