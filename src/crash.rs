//! Crash points: named steps of every transaction where a test can make the
//! process die exactly as a SIGKILL would (no destructors, no clean-up).
//!
//! `crash_point!("name")` compiles to nothing in release builds (it is
//! gated on `debug_assertions`, which `cargo build --release` turns off), so
//! shipped binaries carry neither the check nor the names. In test (debug)
//! builds two environment variables are honoured:
//!
//! - `ENVREG_CRASH_AT=NAME` or `NAME:N` kills the process with SIGKILL the
//!   first (or N-th) time it reaches the point NAME;
//! - `ENVREG_CRASH_LOG=FILE` appends the name of every point reached to FILE,
//!   so a test can prove it covered every point in [`POINTS`].
//!
//! Every point used in the code must be listed in [`POINTS`] (checked at run
//! time in debug builds and by a unit test that scans the sources), and
//! `tests/core/crash.rs` must reach every listed point.

/// Every crash point, in the order a reader meets them in the code.
#[cfg_attr(not(debug_assertions), allow(dead_code))]
pub const POINTS: &[&str] = &[
    // mkenv: build in staging, then rename into place and commit the index.
    "mkenv.staged",
    "mkenv.built",
    "mkenv.renamed",
    "mkenv.committed",
    "mkenv.installed",
    "mkenv.completed",
    // rm: move every env to trash, commit the index, then delete the trash.
    "rm.trashed",
    "rm.committed",
    "rm.deleted",
    // cp: stage, copy with rewrite, rename into place, commit.
    "cp.staged",
    "cp.copied",
    "cp.renamed",
    "cp.committed",
    // mv: journal, rename in place, rewrite each file naming the old
    // directory, commit, remove the journal (recovery redoes the same steps).
    "mv.journaled",
    "mv.renamed",
    "mv.rewrote",
    "mv.rewritten",
    "mv.committed",
    "mv.relinked",
    "mv.finished",
    // set: each file replaced, then the index.
    "set.cfg",
    "set.scripts",
    "set.pth",
    "set.project",
    "set.pip",
    "set.committed",
    // adopt/import: register in place; import --move: then copy with
    // rewrite into staging, rename into place, commit, delete the old dir.
    "adopt.committed",
    "import.copied",
    "import.renamed",
    "import.committed",
    "import.deleted",
    // link: DIR unbound from another env, the .venv symlink, then the
    // index; unlink: the link, then the index.
    "link.unbound",
    "link.created",
    "link.committed",
    "unlink.removed",
    "unlink.committed",
    // repair: re-point (files, then the index); rebuild (stage, build,
    // trash the old, rename the new in, commit, delete the old).
    "repair.repointed",
    "repair.recorded",
    "repair.staged",
    "repair.built",
    "repair.trashed",
    "repair.renamed",
    "repair.committed",
    "repair.deleted",
    // Recovery under the lock, run by whichever command finds the state.
    "recover.restored",
    "recover.discarded",
    "recover.adopted",
    "recover.saved",
    // Last-used times: recorded without the lock, folded in under it.
    "used.recorded",
    "used.folded",
];

/// Mark a crash point. In release builds this expands to nothing.
#[macro_export]
macro_rules! crash_point {
    ($name:literal) => {
        #[cfg(debug_assertions)]
        $crate::crash::reached($name);
    };
}

#[cfg(debug_assertions)]
pub fn reached(name: &'static str) {
    use std::io::Write;
    use std::sync::atomic::{AtomicU32, Ordering};

    assert!(
        POINTS.contains(&name),
        "crash point {name:?} is not listed in crash::POINTS"
    );
    #[cfg(test)]
    unit::reached(name);
    if let Some(log) = std::env::var_os("ENVREG_CRASH_LOG")
        && let Ok(mut file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
    {
        let _ = writeln!(file, "{name}");
    }
    let Ok(at) = std::env::var("ENVREG_CRASH_AT") else {
        return;
    };
    let (point, nth) = match at.split_once(':') {
        Some((p, n)) => (p.to_string(), n.parse::<u32>().unwrap_or(1)),
        None => (at, 1),
    };
    if point != name {
        return;
    }
    static HITS: AtomicU32 = AtomicU32::new(0);
    if HITS.fetch_add(1, Ordering::SeqCst) + 1 == nth {
        #[cfg(unix)]
        // SAFETY: kill(2) on our own pid has no memory-safety preconditions.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
        #[cfg(not(unix))]
        std::process::abort();
    }
}

/// Crashes inside one test thread, for the registry's unit tests: a point
/// armed with [`unit::arm`] unwinds (a [`unit::Crashed`] payload, through
/// `resume_unwind`, so no panic message) instead of killing the process,
/// and every point a thread reaches is recorded. Unlike a SIGKILL the
/// unwinding runs destructors: a `Staging` deletes its directory and every
/// held lock is released, which a dead process's leftovers get from the
/// next command's recovery anyway; nothing else in the registry has one.
#[cfg(test)]
pub mod unit {
    use std::cell::{Cell, RefCell};

    /// The payload of a simulated crash.
    #[derive(Debug)]
    pub struct Crashed(pub &'static str);

    thread_local! {
        static ARMED: Cell<Option<(&'static str, u32)>> = const { Cell::new(None) };
        static HITS: Cell<u32> = const { Cell::new(0) };
        static SEEN: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }

    /// Crash at the `nth` time this thread reaches `point` (from now).
    pub fn arm(point: &'static str, nth: u32) {
        ARMED.set(Some((point, nth)));
        HITS.set(0);
    }

    pub fn disarm() {
        ARMED.set(None);
    }

    /// The points this thread reached since the last call, in order.
    pub fn take_seen() -> Vec<&'static str> {
        SEEN.with_borrow_mut(std::mem::take)
    }

    pub(super) fn reached(name: &'static str) {
        SEEN.with_borrow_mut(|s| s.push(name));
        if let Some((point, nth)) = ARMED.get()
            && point == name
        {
            HITS.set(HITS.get() + 1);
            if HITS.get() == nth {
                ARMED.set(None);
                std::panic::resume_unwind(Box::new(Crashed(name)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::POINTS;

    /// Every `crash_point!("…")` in src/ is listed, and every listed point is used.
    #[test]
    fn the_list_matches_the_code() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = Vec::new();
        let mut stack = vec![src];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for part in text.split("crash_point!(\"").skip(1) {
                        let name = part.split('"').next().unwrap().to_string();
                        // Skip prose mentions such as `crash_point!("name")`.
                        if name.contains('.') {
                            used.push(name);
                        }
                    }
                }
            }
        }
        used.sort();
        used.dedup();
        let mut listed: Vec<String> = POINTS.iter().map(|s| s.to_string()).collect();
        listed.sort();
        assert_eq!(used, listed, "crash_point! uses and crash::POINTS differ");
    }
}
