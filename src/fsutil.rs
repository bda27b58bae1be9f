//! File-system helpers shared by every writer of the index and the cache.
//!
//! # Writing
//!
//! [`write_atomic`] replaces a file so that readers see either the old or
//! the new contents, never a half-written file: the bytes go to a temporary
//! file created exclusively (`O_EXCL`, a random name, in the same directory),
//! are fsynced, and the temporary file is renamed over the destination; then
//! the directory is fsynced so the rename survives a crash. Because the name
//! is random and the file is created exclusively, a symlink planted where an
//! older envreg wrote its temporary file (`index.ron.tmp`,
//! `cache/.index.json.PID.tmp`) is never followed.
//!
//! **A destination that is itself a symlink is written through.** Dotfile
//! managers keep `index.ron` as a link into a repository; replacing the link
//! by a regular file would silently detach it. So the link is resolved (every
//! hop, relative targets against the link's directory), the temporary file is
//! created beside the *target*, and renamed over the target. The link stays a
//! link and points at the new contents.
//!
//! # Reading
//!
//! [`open_regular`] refuses anything but a regular file (following symlinks)
//! *before* opening it, so a FIFO, a device or a directory at the index path
//! is an error, never a hang; [`read_capped`] refuses a file larger than a
//! given size.
//!
//! # Leftovers
//!
//! A run killed between creating and renaming its temporary file leaves it
//! behind. [`remove_stale_temps`] removes such files (and the fixed names
//! older envreg versions used) that are older than the current run.

use std::fs::{self, File};
use std::io::{self, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::SystemTime;

/// Every temporary file [`write_atomic`] creates starts with this.
pub const TEMP_PREFIX: &str = ".envreg-tmp-";

/// Fixed temporary names used by earlier versions; removed when stale.
const OLD_TEMP_NAMES: &[&str] = &["index.ron.tmp"];

/// How many symlink hops [`write_atomic`] follows (Linux's own limit).
const MAX_LINK_HOPS: usize = 40;

static RUN_START: OnceLock<SystemTime> = OnceLock::new();

/// When this run started: the first call fixes it (main calls it first).
pub fn run_started() -> SystemTime {
    *RUN_START.get_or_init(SystemTime::now)
}

/// Replace `path` with `bytes` atomically; see the module docs. A symlink at
/// `path` is resolved and its final target is replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve_links(path)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .rand_bytes(10)
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // On error the temporary file is removed when `tmp` drops.
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// Replace the regular file `path` with `bytes` atomically but without
/// syncing: a temporary file beside it (permission bits `mode` on Unix)
/// renamed over it. A reader, or a process killed at any moment, sees the
/// old or the new contents, never a truncated file; a hard link `path`
/// shared with another file is detached, never written through. For files
/// whose durability a later synced commit point covers (`mv`'s rewrites).
pub fn replace_unsynced(path: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .rand_bytes(10)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    #[cfg(unix)]
    if let Some(mode) = mode {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode & 0o7777))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Follow symlinks at `path` to the final target, which need not exist.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINK_HOPS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                // An absolute target replaces the whole path in `join`.
                current = match current.parent() {
                    Some(parent) => parent.join(target),
                    None => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(err) if err.kind() == ErrorKind::NotFound => return Ok(current),
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// Make a rename durable. Best effort: not every platform can open a directory.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Open `path` for reading if it is a regular file (symlinks followed).
/// A directory, FIFO, socket or device is an `InvalidInput` error saying
/// what it is; a FIFO is never opened (that could wait for a writer).
/// A missing file is the usual `NotFound` error.
pub fn open_regular(path: &Path) -> io::Result<File> {
    check_regular(&fs::metadata(path)?)?;
    let mut options = File::options();
    options.read(true);
    #[cfg(unix)]
    {
        // Swapped for a FIFO between the check and the open: do not wait.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    check_regular(&file.metadata()?)?;
    Ok(file)
}

fn check_regular(meta: &fs::Metadata) -> io::Result<()> {
    let ft = meta.file_type();
    if ft.is_file() {
        return Ok(());
    }
    let what = if ft.is_dir() {
        "a directory"
    } else {
        special_kind(&ft)
    };
    Err(io::Error::new(
        ErrorKind::InvalidInput,
        format!("it is {what}, not a regular file"),
    ))
}

#[cfg(unix)]
fn special_kind(ft: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "a named pipe (FIFO)"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_block_device() || ft.is_char_device() {
        "a device"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn special_kind(_ft: &fs::FileType) -> &'static str {
    "a special file"
}

/// Read all of `file`, refusing more than `limit` bytes with an
/// `InvalidData` error that says `too_large`.
pub fn read_capped(file: &mut File, limit: u64, too_large: &str) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            ErrorKind::InvalidData,
            too_large.to_string(),
        ));
    }
    Ok(bytes)
}

/// Remove temporary files in `dir` left by interrupted writes: those of
/// [`write_atomic`] (`.envreg-tmp-*`) and the fixed names earlier versions
/// used (`index.ron.tmp`, `.index.json.PID.tmp`), when they were last
/// modified before this run started. Only files and symlinks are removed,
/// never what a symlink points to. Call it under the index lock, so no live
/// writer's temporary file can be taken. Best effort: errors are ignored.
// Called from `Registry::lock` by the registry rewrite; until then unused.
#[allow(dead_code)]
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let started = run_started();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temp_name(name) {
            continue;
        }
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if meta.is_dir() {
            continue;
        }
        let stale = meta.modified().is_ok_and(|m| m < started);
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn is_temp_name(name: &str) -> bool {
    if name.starts_with(TEMP_PREFIX) || OLD_TEMP_NAMES.contains(&name) {
        return true;
    }
    // `.index.json.<pid>.tmp`, the snapshot's old temporary name.
    name.strip_prefix(".index.json.")
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["f"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_at_the_path_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("dotfiles");
        fs::create_dir(&real_dir).unwrap();
        fs::write(real_dir.join("index.ron"), "old").unwrap();
        let link = dir.path().join("index.ron");
        // A relative link, resolved against the link's directory.
        std::os::unix::fs::symlink("dotfiles/index.ron", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(fs::read(real_dir.join("index.ron")).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_without_opening() {
        let dir = tempfile::tempdir().unwrap();
        let err = open_regular(dir.path()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains("a directory"), "{err}");
        let err = open_regular(Path::new("/dev/null")).unwrap_err();
        assert!(err.to_string().contains("a device"), "{err}");
        let err = open_regular(&dir.path().join("nope")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
    }

    #[test]
    fn reading_is_capped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        fs::write(&path, b"12345").unwrap();
        let mut file = open_regular(&path).unwrap();
        assert_eq!(read_capped(&mut file, 5, "big").unwrap(), b"12345");
        let mut file = open_regular(&path).unwrap();
        let err = read_capped(&mut file, 4, "too large to be an index").unwrap_err();
        assert!(err.to_string().contains("too large"), "{err}");
    }

    #[test]
    fn stale_temporaries_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let old = [
            "index.ron.tmp",
            ".envreg-tmp-abc123",
            ".index.json.4242.tmp",
        ];
        let kept = [
            "index.ron",
            "index.lock",
            "index.ron.tmpx",
            ".index.json.x.tmp",
            "envreg-tmp-x",
        ];
        for name in old.iter().chain(&kept) {
            fs::write(d.join(name), "x").unwrap();
        }
        // A directory with a temporary's name is not ours to remove.
        fs::create_dir(d.join(".envreg-tmp-dir")).unwrap();
        // Files written before this run are stale: move the run's start
        // after them (tests share the process, so set it if unset, then
        // make sure the files are older).
        let started = run_started();
        let past = started - std::time::Duration::from_secs(60);
        for name in old.iter().chain(&kept) {
            File::options()
                .write(true)
                .open(d.join(name))
                .unwrap()
                .set_modified(past)
                .unwrap();
        }
        // A temporary of this very run (modified after the start) stays.
        fs::write(d.join(".envreg-tmp-live"), "x").unwrap();
        File::options()
            .write(true)
            .open(d.join(".envreg-tmp-live"))
            .unwrap()
            .set_modified(started + std::time::Duration::from_secs(1))
            .unwrap();

        remove_stale_temps(d);

        for name in old {
            assert!(!d.join(name).exists(), "{name} should be gone");
        }
        for name in kept.iter().chain(&[".envreg-tmp-dir", ".envreg-tmp-live"]) {
            assert!(d.join(name).exists(), "{name} should stay");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_stale_symlink_is_removed_not_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious");
        fs::write(&target, "keep").unwrap();
        let link = dir.path().join("index.ron.tmp");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        // Date the link itself (not its target) before this run.
        let _ = run_started();
        let dated = std::process::Command::new("touch")
            .args(["-h", "-d", "2001-01-01"])
            .arg(&link)
            .status()
            .unwrap();
        assert!(dated.success());
        assert!(link.symlink_metadata().unwrap().modified().unwrap() < run_started());
        remove_stale_temps(dir.path());
        assert!(link.symlink_metadata().is_err(), "the stale link is gone");
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep");
    }
}
