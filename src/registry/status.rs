//! An environment's health, judged from the file system alone (no Python
//! runs): what `ls` shows in its STATUS column and `show` explains.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::env::Venv;
use super::index::Entry;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Its python resolves to an existing interpreter and pyvenv.cfg is readable.
    Ok,
    /// The directory is there but cannot work as it is (reason given).
    Broken,
    /// The directory is gone.
    Missing,
    /// Created, but a step after creation (installing packages) did not finish.
    Incomplete,
    /// Built by a run that was killed before recording it, and not yet
    /// recorded (the home could not be written).
    Interrupted,
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Status::Ok => "ok",
            Status::Broken => "broken",
            Status::Missing => "missing",
            Status::Incomplete => "incomplete",
            Status::Interrupted => "interrupted",
        })
    }
}

/// A status and, unless it is `ok`, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    pub status: Status,
    pub reason: Option<String>,
}

impl Health {
    /// The command that fixes an environment in this state, if there is one.
    pub fn fix(&self, name: &str) -> Option<String> {
        match self.status {
            Status::Ok | Status::Interrupted => None,
            Status::Broken => Some(format!("envreg repair {name}")),
            Status::Missing | Status::Incomplete => Some(format!("envreg rm {name}")),
        }
    }

    /// True when the environment cannot work as it is (workon and run refuse it).
    pub fn unusable(&self) -> bool {
        matches!(
            self.status,
            Status::Broken | Status::Missing | Status::Interrupted
        )
    }

    fn bad(status: Status, reason: String) -> Health {
        Health {
            status,
            reason: Some(reason),
        }
    }
}

/// Judge the environment `entry` whose directory is `dir`.
///
/// `interpreters` remembers which base interpreters exist, so with many
/// envs on few interpreters this costs about three system calls per env.
pub fn check(dir: &Path, entry: &Entry, interpreters: &mut HashMap<PathBuf, bool>) -> Health {
    if dir.symlink_metadata().is_err() {
        return Health::bad(
            Status::Missing,
            format!("its directory {} is gone", dir.display()),
        );
    }
    if entry.unrecorded {
        return Health::bad(
            Status::Interrupted,
            "it was built by an interrupted run and is not recorded yet: \
             the next envreg command that can write the home registers it"
                .into(),
        );
    }
    if let Some(why) = &entry.incomplete {
        return Health::bad(Status::Incomplete, why.clone());
    }
    if entry.managed && entry.path != dir && !same_file(&entry.path, dir) {
        return Health::bad(
            Status::Broken,
            format!(
                "the index records it at {}, but it lives at {} (was the home moved or copied? \
                 its scripts may still name the old place)",
                entry.path.display(),
                dir.display()
            ),
        );
    }
    // POSIX: bin/python (a link to the base interpreter); Windows:
    // Scripts\python.exe (a launcher that runs the base interpreter).
    let launcher = Venv::open(dir).python();
    if launcher.symlink_metadata().is_err() {
        return Health::bad(
            Status::Broken,
            "it has no bin/python (nor Scripts\\python.exe)".into(),
        );
    }
    if launcher.metadata().is_err() {
        let target = std::fs::read_link(&launcher)
            .map(|t| format!(": its interpreter {} no longer exists", t.display()))
            .unwrap_or_default();
        return Health::bad(
            Status::Broken,
            format!("its python does not resolve to an interpreter{target}"),
        );
    }
    if let Err(err) = File::open(dir.join("pyvenv.cfg")) {
        return Health::bad(
            Status::Broken,
            format!("its pyvenv.cfg cannot be read: {err}"),
        );
    }
    let exe = &entry.python.executable;
    let base = match interpreters.get(exe) {
        Some(&known) => known,
        None => *interpreters.entry(exe.clone()).or_insert(exe.exists()),
    };
    if !base {
        return Health::bad(
            Status::Broken,
            format!("its base interpreter {} is gone", exe.display()),
        );
    }
    Health {
        status: Status::Ok,
        reason: None,
    }
}

/// True when `a` and `b` are the same directory: the same path once links
/// are resolved, or (a bind mount) the same file on the same device.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y) {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (a.metadata(), b.metadata()) {
            return (x.dev(), x.ino()) == (y.dev(), y.ino());
        }
    }
    false
}
