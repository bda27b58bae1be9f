//! A JSON copy of the parsed index in the cache, for commands that only read.
//!
//! RON is the format people read and edit, but parsing it is most of what
//! `envreg ls` costs with many environments; JSON parses several times
//! faster. The copy is keyed by the identity of the index file it was made
//! from (device, inode, size, modification time). Every save replaces
//! `index.ron` by a rename, so any change gives a new key and the copy is
//! simply rebuilt. (Only an edit made in place, by hand, that keeps the size
//! and lands within the file system's timestamp granularity of the copy
//! could go unseen; envreg itself never writes in place.) It is best effort:
//! any problem with it falls back to parsing `index.ron`, and deleting it is
//! always safe. Commands that change the registry always parse `index.ron`.

use std::fs;
use std::path::Path;

use anyhow::Result;
use serde::{Deserialize, Serialize};

use super::index::{self, Index};
use crate::fsutil;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Key {
    dev: u64,
    ino: u64,
    size: u64,
    mtime_ns: i128,
}

impl Key {
    #[cfg(unix)]
    fn of(meta: &fs::Metadata) -> Option<Key> {
        use std::os::unix::fs::MetadataExt;
        Some(Key {
            dev: meta.dev(),
            ino: meta.ino(),
            size: meta.size(),
            mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
        })
    }

    #[cfg(not(unix))]
    fn of(_meta: &fs::Metadata) -> Option<Key> {
        None
    }
}

#[derive(Serialize, Deserialize)]
struct Snapshot {
    key: Key,
    index: Index,
}

/// Read the index at `index_path`, through the copy at `snapshot_path`
/// when it was made from this very file.
pub fn read(index_path: &Path, snapshot_path: &Path) -> Result<Index> {
    let Some(mut file) = index::open(index_path)? else {
        return Ok(Index::default());
    };
    // Key and text come from the same open file, so they always match.
    let key = file.metadata().ok().as_ref().and_then(Key::of);
    if let Some(key) = &key
        && let Some(index) = load(snapshot_path, key)
    {
        return Ok(index);
    }
    let bytes = index::read_all(index_path, &mut file)?;
    let index = index::parse_file(index_path, &bytes)?;
    if let Some(key) = key {
        store(snapshot_path, key, &index);
    }
    Ok(index)
}

fn load(path: &Path, key: &Key) -> Option<Index> {
    let mut file = fsutil::open_regular(path).ok()?;
    // JSON of an index is about the size of its RON.
    let bytes = fsutil::read_capped(&mut file, 2 * index::MAX_BYTES, "too large").ok()?;
    let snapshot: Snapshot = serde_json::from_slice(&bytes).ok()?;
    (snapshot.key == *key && snapshot.index.version == index::VERSION).then_some(snapshot.index)
}

/// Write the copy atomically (see [`fsutil::write_atomic`]). Failures are
/// ignored: the next reader parses `index.ron` again.
fn store(path: &Path, key: Key, index: &Index) {
    let Some(dir) = path.parent() else { return };
    let write = || -> Result<()> {
        fs::create_dir_all(dir)?;
        let bytes = serde_json::to_vec(&Snapshot {
            key,
            index: index.clone(),
        })?;
        fsutil::write_atomic(path, &bytes)?;
        Ok(())
    };
    let _ = write();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::index::{Entry, Flags, PythonRecord};

    fn entry(version: &str) -> Entry {
        Entry {
            path: "/envs/a".into(),
            managed: true,
            python: PythonRecord {
                requested: None,
                executable: "/usr/bin/python3".into(),
                version: version.into(),
                implementation: "CPython".into(),
            },
            created: 1,
            last_used: None,
            project: None,
            flags: Flags::default(),
            incomplete: None,
            unrecorded: false,
            temp: false,
            vars: Default::default(),
            links: Vec::new(),
        }
    }

    #[test]
    fn the_copy_follows_every_save_and_never_hides_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let ron = dir.path().join("index.ron");
        let json = dir.path().join("cache/index.json");
        let mut idx = Index::default();
        idx.envs.insert("a".into(), entry("3.12.1"));
        index::write(&ron, &idx).unwrap();

        assert_eq!(read(&ron, &json).unwrap(), idx);
        assert!(json.is_file(), "the first read leaves a copy");
        assert_eq!(read(&ron, &json).unwrap(), idx, "read through the copy");

        // A save (same size, same second) is seen at once.
        idx.envs.insert("a".into(), entry("3.12.2"));
        index::write(&ron, &idx).unwrap();
        assert_eq!(read(&ron, &json).unwrap(), idx);

        // A damaged copy is ignored and rebuilt.
        fs::write(&json, "{not json").unwrap();
        assert_eq!(read(&ron, &json).unwrap(), idx);
        assert!(load(&json, &Key::of(&fs::metadata(&ron).unwrap()).unwrap()).is_some());

        // A corrupt index is reported even though a copy of the old one exists.
        fs::write(&ron, "(version: 1, envs: {").unwrap();
        let err = format!("{:#}", read(&ron, &json).unwrap_err());
        assert!(err.contains("corrupt"), "{err}");

        // A symlink where an older envreg wrote its temporary copy is not
        // followed (this process's pid: the old name was `.index.json.PID.tmp`).
        #[cfg(unix)]
        {
            let victim = dir.path().join("victim");
            fs::write(&victim, "precious").unwrap();
            let old_tmp = dir
                .path()
                .join(format!("cache/.index.json.{}.tmp", std::process::id()));
            std::os::unix::fs::symlink(&victim, &old_tmp).unwrap();
            index::write(&ron, &idx).unwrap();
            fs::remove_file(&json).unwrap();
            assert_eq!(read(&ron, &json).unwrap(), idx);
            assert!(json.is_file(), "the copy was stored");
            assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        }

        // No index: an empty registry, and no copy is consulted.
        fs::remove_file(&ron).unwrap();
        assert_eq!(read(&ron, &json).unwrap(), Index::default());
    }
}
