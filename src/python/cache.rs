//! Query results cached under `cache/interpreters/`, one JSON file per
//! interpreter path. An entry is reused only while the executable is the same
//! file (canonical path, mtime, size), the query script is unchanged and the
//! entry has this version's [`FORMAT`].
//! Every failure here is a cache miss: the cache is safe to delete any time.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::query::{Answer, SCRIPT};

/// What identifies the file an entry describes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The path as invoked (absolute, symlinks kept).
    pub path: PathBuf,
    /// The same path with every symlink resolved.
    pub canonical: PathBuf,
    pub mtime_secs: u64,
    pub mtime_nanos: u32,
    pub size: u64,
}

/// The shape of an entry: raised whenever [`Entry`] (or the [`Answer`] in
/// it) changes, so that older entries are simply misses. Version 1 had no
/// `format` field.
const FORMAT: u32 = 2;

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    format: u32,
    /// Digest of the query script that produced `answer`.
    script: String,
    stamp: Stamp,
    answer: Answer,
}

impl Stamp {
    /// Stat `path` (absolute); None when it cannot be resolved.
    pub fn of(path: &Path) -> Option<Stamp> {
        let canonical = fs::canonicalize(path).ok()?;
        let meta = fs::metadata(&canonical).ok()?;
        let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            path: path.to_path_buf(),
            canonical,
            mtime_secs: mtime.as_secs(),
            mtime_nanos: mtime.subsec_nanos(),
            size: meta.len(),
        })
    }
}

/// The cache file for an interpreter invoked as `path` (absolute).
pub fn entry_path(cache_dir: &Path, path: &Path) -> PathBuf {
    let digest = Sha256::digest(path.as_os_str().as_encoded_bytes());
    cache_dir
        .join("interpreters")
        .join(format!("{}.json", hex(&digest)))
}

/// The cached answer for `stamp`, if an entry exists and still matches.
pub fn load(cache_dir: &Path, stamp: &Stamp) -> Option<Answer> {
    let bytes = fs::read(entry_path(cache_dir, &stamp.path)).ok()?;
    let entry: Entry = serde_json::from_slice(&bytes).ok()?;
    (entry.format == FORMAT && entry.script == script_digest() && entry.stamp == *stamp)
        .then_some(entry.answer)
}

/// Write the entry atomically: a temporary file created exclusively under a
/// random name (never through a symlink planted at a predictable name),
/// synced, then renamed over the entry (which replaces a symlink there
/// instead of following it). Errors are ignored: a missing entry only costs
/// a query next time.
pub fn store(cache_dir: &Path, stamp: &Stamp, answer: &Answer) {
    let _ = try_store(cache_dir, stamp, answer);
}

fn try_store(cache_dir: &Path, stamp: &Stamp, answer: &Answer) -> std::io::Result<()> {
    let file = entry_path(cache_dir, &stamp.path);
    let dir = file.parent().expect("entry has a parent");
    fs::create_dir_all(dir)?;
    let entry = Entry {
        format: FORMAT,
        script: script_digest(),
        stamp: stamp.clone(),
        answer: answer.clone(),
    };
    let json = serde_json::to_vec_pretty(&entry).map_err(std::io::Error::other)?;
    // Removed on drop if anything below fails.
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .suffix(".json")
        .tempfile_in(dir)?;
    tmp.write_all(&json)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&file).map_err(|e| e.error)?;
    Ok(())
}

fn script_digest() -> String {
    hex(&Sha256::digest(SCRIPT.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Answer {
        serde_json::from_str(
            r#"{"ran": "/p/bin/python3", "interpreter": {"executable": "/p/bin/python3",
            "base_prefix": "/p", "version": [3, 12, 1], "version_string": "3.12.1", "implementation": "CPython",
            "platform": "linux", "stdlib": "/p/lib/python3.12", "wheel_pkg_dir": null, "gil_disabled": false,
            "pointer_size": 8, "purelib": "lib/python3.12/site-packages",
            "platlib": "lib/python3.12/site-packages", "scripts": "bin"}}"#,
        )
        .unwrap()
    }

    #[test]
    fn entries_round_trip_and_go_stale() {
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("python3");
        fs::write(&exe, "one").unwrap();
        let cache = dir.path().join("cache");
        let stamp = Stamp::of(&exe).unwrap();
        assert_eq!(load(&cache, &stamp), None);
        store(&cache, &stamp, &sample());
        assert!(entry_path(&cache, &exe).is_file());
        assert_eq!(load(&cache, &stamp), Some(sample()));

        // A different file at the same path (size changes) is a miss.
        fs::write(&exe, "longer").unwrap();
        let changed = Stamp::of(&exe).unwrap();
        assert_eq!(load(&cache, &changed), None);

        // A corrupt entry is a miss, and storing again repairs it.
        fs::write(entry_path(&cache, &exe), "{garbage").unwrap();
        assert_eq!(load(&cache, &changed), None);
        store(&cache, &changed, &sample());
        assert_eq!(load(&cache, &changed), Some(sample()));
        let leftovers: Vec<_> = fs::read_dir(cache.join("interpreters"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().contains(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    /// Symlinks planted where the cache writes, at the temporary name older
    /// versions used and at the entry itself, are never written through.
    #[cfg(unix)]
    #[test]
    fn planted_symlinks_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("python3");
        fs::write(&exe, "interpreter").unwrap();
        let cache = dir.path().join("cache");
        let stamp = Stamp::of(&exe).unwrap();
        let entry = entry_path(&cache, &exe);
        fs::create_dir_all(entry.parent().unwrap()).unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let old_tmp = entry.with_extension(format!("json.tmp-{}", std::process::id()));
        std::os::unix::fs::symlink(&victim, &old_tmp).unwrap();
        std::os::unix::fs::symlink(&victim, &entry).unwrap();

        store(&cache, &stamp, &sample());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        let meta = fs::symlink_metadata(&entry).unwrap();
        assert!(
            meta.file_type().is_file(),
            "the link was replaced by the entry"
        );
        assert_eq!(load(&cache, &stamp), Some(sample()));
        // The planted temp-name link is left alone, not written through.
        assert!(
            fs::symlink_metadata(&old_tmp)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let temps: Vec<_> = fs::read_dir(entry.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".tmp-"))
            .collect();
        assert!(temps.is_empty(), "{temps:?}");
    }

    /// Entries of another format, and version 1's (which had none), are
    /// misses.
    #[test]
    fn other_formats_are_misses() {
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("python3");
        fs::write(&exe, "interpreter").unwrap();
        let cache = dir.path().join("cache");
        let stamp = Stamp::of(&exe).unwrap();
        store(&cache, &stamp, &sample());
        let file = entry_path(&cache, &exe);
        let mut entry: serde_json::Value =
            serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
        assert_eq!(entry["format"], FORMAT);
        entry["format"] = (FORMAT + 1).into();
        fs::write(&file, entry.to_string()).unwrap();
        assert_eq!(load(&cache, &stamp), None);
        entry.as_object_mut().unwrap().remove("format");
        fs::write(&file, entry.to_string()).unwrap();
        assert_eq!(load(&cache, &stamp), None);
    }

    #[test]
    fn keys_differ_by_path() {
        let cache = Path::new("/c");
        assert_ne!(
            entry_path(cache, Path::new("/usr/bin/python3")),
            entry_path(cache, Path::new("/usr/bin/python3.11"))
        );
        assert_eq!(
            entry_path(cache, Path::new("/a")).extension().unwrap(),
            "json"
        );
    }
}
