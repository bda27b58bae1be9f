//! Last-used times, kept off `workon`'s critical path.
//!
//! `workon` records a use by setting the modification time of
//! `ENVREG_HOME/used/NAME` (creating it if needed): no lock, no index
//! rewrite, no fsync, and any failure (read-only home, full disk) is
//! ignored. Readers take the newest of the index's `last_used` and that
//! file's time; the next command that holds the index lock folds the files
//! into the index and removes them.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use super::index::Index;

/// Record that `name` was used now. Best effort, silent.
pub fn record(dir: &Path, name: &str) {
    let path = dir.join(name);
    // Never follow a link planted at our path.
    if path.symlink_metadata().is_ok_and(|m| !m.is_file()) {
        return;
    }
    let open = || {
        File::options()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
    };
    let file = match open() {
        Ok(file) => file,
        Err(_) => {
            if fs::create_dir(dir).is_err() {
                return;
            }
            match open() {
                Ok(file) => file,
                Err(_) => return,
            }
        }
    };
    let _ = file.set_modified(SystemTime::now());
    crate::crash_point!("used.recorded");
}

fn secs(t: SystemTime) -> Option<u64> {
    t.duration_since(UNIX_EPOCH).ok().map(|d| d.as_secs())
}

/// The recorded times, by name (one directory read; nothing when empty).
pub fn read(dir: &Path) -> BTreeMap<String, (u64, SystemTime)> {
    let mut found = BTreeMap::new();
    let Ok(rd) = fs::read_dir(dir) else {
        return found;
    };
    for entry in rd.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        if let Ok(mtime) = meta.modified()
            && let Some(s) = secs(mtime)
        {
            found.insert(name, (s, mtime));
        }
    }
    found
}

/// Apply recorded times to `index` (for readers; nothing is written).
pub fn apply(index: &mut Index, recorded: &BTreeMap<String, (u64, SystemTime)>) {
    for (name, (secs, _)) in recorded {
        if let Some(entry) = index.envs.get_mut(name) {
            entry.last_used = entry.last_used.max(Some(*secs));
        }
    }
}

/// Fold the recorded times into `index`; returns true when it changed.
/// The caller saves the index, then calls [`clear`].
pub fn fold(index: &mut Index, recorded: &BTreeMap<String, (u64, SystemTime)>) -> bool {
    let mut changed = false;
    for (name, (secs, _)) in recorded {
        if let Some(entry) = index.envs.get_mut(name)
            && entry.last_used < Some(*secs)
        {
            entry.last_used = Some(*secs);
            changed = true;
        }
    }
    changed
}

/// Remove the files that were folded, unless a `workon` touched one again
/// since it was read.
pub fn clear(dir: &Path, recorded: &BTreeMap<String, (u64, SystemTime)>) {
    for (name, (_, mtime)) in recorded {
        let path = dir.join(name);
        if fs::symlink_metadata(&path)
            .and_then(|m| m.modified())
            .is_ok_and(|now| now == *mtime)
        {
            let _ = fs::remove_file(&path);
        }
    }
    crate::crash_point!("used.folded");
}
