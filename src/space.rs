//! Disk space of directory trees, hard links counted once, as `du` counts.
//!
//! Sizes are *allocated* bytes (`st_blocks` × 512, what `du` reports and
//! what removing a file gives back), not apparent sizes. A walk never
//! follows a symbolic link (the link itself is counted) and never enters a
//! directory on another file system (`du -x`): a mount inside an
//! environment is not the environment's. A file with more than one link is
//! counted once per walk; whether it is a tree's *own* or *shared* depends
//! on whether every one of its links lies inside that tree. Across trees,
//! [`union`] counts each shared file once.
//!
//! Trees are measured in parallel on a few std threads, each taking the next
//! tree from a shared counter.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// (device, inode): a file's identity.
pub type FileId = (u64, u64);

/// What one tree takes.
#[derive(Debug, Default, Clone)]
pub struct Usage {
    /// Bytes of files whose every link is inside the tree (and of the
    /// directories and symlinks): what removing the tree gives back.
    pub own: u64,
    /// Bytes of files that have links outside the tree too.
    pub shared: u64,
    /// The shared files, for [`union`].
    pub shared_files: Vec<SharedFile>,
    /// Entries that could not be read (permissions, removed meanwhile).
    pub unreadable: u64,
    /// False when the tree's root does not exist.
    pub exists: bool,
}

/// A file of a tree that has links outside it.
#[derive(Debug, Clone, Copy)]
pub struct SharedFile {
    pub id: FileId,
    pub bytes: u64,
    /// Its link count.
    pub nlink: u64,
    /// How many of its links are inside the tree.
    pub seen: u64,
}

impl Usage {
    /// What `du -s` says for this tree alone: each file once.
    pub fn bytes(&self) -> u64 {
        self.own + self.shared
    }
}

/// The bytes of all `usages` together: each shared file once.
pub fn union<'a>(usages: impl IntoIterator<Item = &'a Usage>) -> u64 {
    let mut seen: HashMap<FileId, u64> = HashMap::new();
    let mut total = 0u64;
    for u in usages {
        total += u.own;
        for f in &u.shared_files {
            seen.insert(f.id, f.bytes);
        }
    }
    total + seen.values().sum::<u64>()
}

/// Measure every tree, in parallel; results in the order of `roots`.
/// `done` is bumped after each tree (for progress).
pub fn measure_all(roots: &[PathBuf], done: &AtomicUsize) -> Vec<Usage> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Usage>>> = Mutex::new(vec![None; roots.len()]);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8)
        .min(roots.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(root) = roots.get(i) else { break };
                    let usage = measure(root);
                    if let Ok(mut r) = results.lock() {
                        r[i] = Some(usage);
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect()
}

/// Measure one tree (see the module docs).
pub fn measure(root: &Path) -> Usage {
    let mut walk = Walk::default();
    let meta = match fs::symlink_metadata(root) {
        Ok(m) => m,
        Err(_) => return Usage::default(),
    };
    walk.add(&meta);
    if meta.is_dir() {
        walk.dir(root, dev_of(&meta));
    }
    let mut usage = Usage {
        own: walk.own,
        unreadable: walk.unreadable,
        exists: true,
        ..Usage::default()
    };
    for (id, (bytes, nlink, seen)) in walk.linked {
        if seen >= nlink {
            usage.own += bytes;
        } else {
            usage.shared += bytes;
            usage.shared_files.push(SharedFile {
                id,
                bytes,
                nlink,
                seen,
            });
        }
    }
    usage
}

#[derive(Default)]
struct Walk {
    own: u64,
    unreadable: u64,
    /// Files with several links: (bytes, link count, links seen here).
    linked: HashMap<FileId, (u64, u64, u64)>,
}

impl Walk {
    fn add(&mut self, meta: &fs::Metadata) {
        let bytes = allocated(meta);
        let nlink = nlink_of(meta);
        if nlink > 1 && !meta.is_dir() {
            let e = self.linked.entry(id_of(meta)).or_insert((bytes, nlink, 0));
            e.2 += 1;
        } else {
            self.own += bytes;
        }
    }

    fn dir(&mut self, dir: &Path, dev: u64) {
        let Ok(entries) = fs::read_dir(dir) else {
            self.unreadable += 1;
            return;
        };
        for entry in entries {
            let Ok(entry) = entry else {
                self.unreadable += 1;
                continue;
            };
            // fstatat on the open directory: no path lookup, no link followed.
            let Ok(meta) = entry.metadata() else {
                self.unreadable += 1;
                continue;
            };
            if meta.is_dir() {
                if dev_of(&meta) != dev {
                    continue;
                }
                self.add(&meta);
                self.dir(&entry.path(), dev);
            } else {
                self.add(&meta);
            }
        }
    }
}

#[cfg(unix)]
fn allocated(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.blocks() * 512
}

#[cfg(not(unix))]
fn allocated(meta: &fs::Metadata) -> u64 {
    meta.len()
}

#[cfg(unix)]
fn nlink_of(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn nlink_of(_: &fs::Metadata) -> u64 {
    1
}

#[cfg(unix)]
fn id_of(meta: &fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn id_of(_: &fs::Metadata) -> FileId {
    (0, 0)
}

#[cfg(unix)]
fn dev_of(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::dev(meta)
}

#[cfg(not(unix))]
fn dev_of(_: &fs::Metadata) -> u64 {
    0
}

/// "512 B", "8.2 KiB", "1.5 MiB", "3.0 GiB": binary units, one decimal.
pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn human_sizes() {
        assert_eq!(human(0), "0 B");
        assert_eq!(human(1023), "1023 B");
        assert_eq!(human(1024), "1.0 KiB");
        assert_eq!(human(1536), "1.5 KiB");
        assert_eq!(human(8 << 20), "8.0 MiB");
        assert_eq!(human(3 << 30), "3.0 GiB");
    }

    #[test]
    fn links_inside_are_own_and_outside_are_shared() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        fs::create_dir_all(a.join("sub")).unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(a.join("big"), vec![1u8; 64 << 10]).unwrap();
        fs::hard_link(a.join("big"), a.join("sub/big2")).unwrap();
        fs::write(a.join("both"), vec![2u8; 32 << 10]).unwrap();
        fs::hard_link(a.join("both"), b.join("both")).unwrap();
        std::os::unix::fs::symlink("/", a.join("root-link")).unwrap();

        let ua = measure(&a);
        let ub = measure(&b);
        let both = allocated(&fs::metadata(a.join("both")).unwrap());
        assert_eq!(ua.shared, both);
        assert_eq!(ub.shared, both);
        assert!(ua.own >= 64 << 10, "{ua:?}");
        // Counted once inside a, once across a and b.
        assert_eq!(union([&ua, &ub]), ua.bytes() + ub.bytes() - both);
        assert!(!measure(&tmp.path().join("none")).exists);
    }
}
