//! Unpacked wheel images in the cache: `cache/wheels/<wheel stem>/`.
//!
//! Each wheel is unpacked once into `tree/` with a `manifest.json` that holds
//! everything an environment needs without reading the files again: the
//! directories to create, the files to link (with the size, mtime, inode and
//! mode each had when unpacked), their RECORD lines and the entry points. An
//! image is built in `.tmp-<stem>--<pid>-<n>` and renamed into place with its
//! manifest already written, so a killed build never leaves an image that
//! looks complete. Builds happen under an exclusive lock on `<stem>.lock`;
//! readers hold it shared while they link from the image, so an image is
//! never replaced under them.
//!
//! Environments share the image's files by hard link, so the files are
//! read-only (0444, 0555 for executables), as in Nix's store: an in-place
//! write (`>>`, an editor saving in place) into one environment's pip fails
//! instead of changing every environment. Directories stay writable by the
//! owner, so an environment or the image can still be removed. Whoever
//! makes a file writable and changes it anyway changes the image too; every
//! use of an image first compares each file with its manifest (one stat
//! each), and a changed image is extracted afresh for the next environments.

use crate::errors::hinted;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use super::super::files;
use super::launcher::{self, EntryPoint};
use super::record;

/// Bumped whenever the image layout or manifest changes; older images are
/// rebuilt. 2: read-only files, with their stamps in the manifest.
const FORMAT: u32 = 2;
const MANIFEST: &str = "manifest.json";
const TREE: &str = "tree";

/// `CACHEDIR.TAG` (https://bford.info/cachedir/) for the seed cache, so
/// backup tools may skip it; environments themselves carry none.
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by envreg: unpacked seed wheels,\n\
# rebuilt whenever they are missing.\n\
# For information about cache directory tags, see:\n\
#\thttps://bford.info/cachedir/\n";

/// What an environment needs from an unpacked wheel.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    format: u32,
    /// Size of the wheel the image came from: a different wheel under the
    /// same name (a patched distribution wheel) gets a fresh image.
    wheel_size: u64,
    /// `<name>-<version>.dist-info`
    pub dist_info: String,
    /// Directories to create, relative to site-packages, parents first.
    pub dirs: Vec<String>,
    /// Files to link, as they were unpacked.
    pub files: Vec<ImageFile>,
    /// RECORD lines for `files`.
    pub record: String,
    /// The wheel's console and GUI scripts, names as the wheel spells them.
    pub entry_points: Vec<EntryPoint>,
}

/// One unpacked file and what it looked like right after unpacking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageFile {
    /// Relative to site-packages, '/'-separated.
    pub path: String,
    stamp: Stamp,
}

/// What a stat says about a file, enough to tell it was changed, replaced or
/// made writable since it was unpacked (content is not hashed: RECORD holds
/// the hashes for a deeper check).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    size: u64,
    mtime_secs: i64,
    mtime_nanos: u32,
    inode: u64,
    /// st_mode: file type and permission bits.
    mode: u32,
}

impl Stamp {
    /// The stamp of `path` itself (a symlink there is not followed).
    fn of(path: &Path) -> std::io::Result<Stamp> {
        let meta = fs::symlink_metadata(path)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Ok(Stamp {
                size: meta.len(),
                mtime_secs: meta.mtime(),
                mtime_nanos: u32::try_from(meta.mtime_nsec()).unwrap_or(0),
                inode: meta.ino(),
                mode: meta.mode(),
            })
        }
        #[cfg(not(unix))]
        {
            let mtime = meta
                .modified()?
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            Ok(Stamp {
                size: meta.len(),
                mtime_secs: i64::try_from(mtime.as_secs()).unwrap_or(i64::MAX),
                mtime_nanos: mtime.subsec_nanos(),
                inode: 0,
                mode: u32::from(meta.permissions().readonly()) | (u32::from(meta.is_file()) << 1),
            })
        }
    }
}

/// An image ready to link from; the lock is held as long as this lives.
pub struct Image {
    /// The unpacked files, laid out as in site-packages.
    pub tree: PathBuf,
    pub manifest: Manifest,
    _lock: File,
}

/// The image of `wheel` under `cache_dir`, unpacking it first if needed.
pub fn open(wheel: &Path, cache_dir: &Path) -> Result<Image> {
    let Some(stem) = wheel
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".whl"))
    else {
        bail!("{} is not a wheel file (*.whl)", wheel.display());
    };
    let wheel_size = fs::metadata(wheel)
        .with_context(|| format!("cannot read the bundled wheel {}", wheel.display()))?
        .len();
    let wheels = cache_dir.join("wheels");
    fs::create_dir_all(&wheels)
        .with_context(|| format!("cannot create the cache directory {}", wheels.display()))?;
    tag_cache_dir(&wheels)?;
    let image_dir = wheels.join(stem);
    let lock_path = wheels.join(format!("{stem}.lock"));
    let lock = open_lock(&lock_path)
        .with_context(|| format!("cannot open the cache lock {}", lock_path.display()))?;
    let lock_err = || format!("cannot lock {}", lock_path.display());

    lock.lock_shared().with_context(lock_err)?;
    if let Some(manifest) = load(&image_dir, wheel_size) {
        return Ok(Image {
            tree: image_dir.join(TREE),
            manifest,
            _lock: lock,
        });
    }
    lock.unlock().with_context(lock_err)?;
    lock.lock().with_context(lock_err)?;
    // Another process may have built it while we waited.
    if let Some(manifest) = load(&image_dir, wheel_size) {
        return Ok(Image {
            tree: image_dir.join(TREE),
            manifest,
            _lock: lock,
        });
    }

    remove_leftovers(&wheels, stem)?;
    let tmp = temp_name(&wheels, stem);
    fs::create_dir(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
    let manifest = match unpack(wheel, wheel_size, &tmp) {
        Ok(m) => m,
        Err(err) => {
            let _ = fs::remove_dir_all(&tmp);
            return Err(err);
        }
    };
    replace(&tmp, &image_dir, &temp_name(&wheels, stem))?;
    Ok(Image {
        tree: image_dir.join(TREE),
        manifest,
        _lock: lock,
    })
}

/// The images already in the cache: (stem, image directory), whatever wheel
/// they came from. Unreadable entries are left out.
pub fn cached(cache_dir: &Path) -> Vec<(String, PathBuf)> {
    let wheels = cache_dir.join("wheels");
    let Ok(entries) = fs::read_dir(&wheels) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            (!name.starts_with('.') && e.path().join(MANIFEST).is_file()).then(|| (name, e.path()))
        })
        .collect();
    found.sort();
    found
}

/// An image already in the cache under `stem`, whose wheel may be gone:
/// used as it is when complete and unmodified, never rebuilt.
pub fn open_cached(stem: &str, cache_dir: &Path) -> Result<Image> {
    let wheels = cache_dir.join("wheels");
    let image_dir = wheels.join(stem);
    let lock_path = wheels.join(format!("{stem}.lock"));
    let lock = open_lock(&lock_path)
        .with_context(|| format!("cannot open the cache lock {}", lock_path.display()))?;
    lock.lock_shared()
        .with_context(|| format!("cannot lock {}", lock_path.display()))?;
    let manifest = fs::read_to_string(image_dir.join(MANIFEST))
        .ok()
        .and_then(|text| serde_json::from_str::<Manifest>(&text).ok())
        .filter(|m| m.format == FORMAT && intact(&image_dir.join(TREE), m));
    match manifest {
        Some(manifest) => Ok(Image {
            tree: image_dir.join(TREE),
            manifest,
            _lock: lock,
        }),
        None => bail!(
            "the cached copy of {stem} in {} is incomplete or was changed; delete it and retry",
            image_dir.display()
        ),
    }
}

/// Open (creating) the lock file, never through a symlink at its path.
fn open_lock(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    options.open(path)
}

/// A fresh `.tmp-<stem>--<pid>-<n>` path under `wheels`.
fn temp_name(wheels: &Path, stem: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    wheels.join(format!(".tmp-{stem}--{}-{nanos}-{n}", std::process::id()))
}

/// Put the freshly built image `new` at `image_dir`, under the exclusive
/// lock. An existing image is first renamed aside (to `aside`, a temp name
/// the next build's cleanup also removes), so each rename is atomic and
/// `image_dir` is never a half-removed tree.
fn replace(new: &Path, image_dir: &Path, aside: &Path) -> Result<()> {
    let had_old = match fs::rename(image_dir, aside) {
        Ok(()) => true,
        Err(e) if e.kind() == ErrorKind::NotFound => false,
        Err(e) => {
            let _ = fs::remove_dir_all(new);
            return Err(e).with_context(|| {
                format!(
                    "cannot move the outdated cache directory {} aside",
                    image_dir.display()
                )
            });
        }
    };
    if let Err(e) = fs::rename(new, image_dir) {
        let _ = fs::remove_dir_all(new);
        return Err(e).with_context(|| {
            format!(
                "cannot move the unpacked wheel {} into place at {}",
                new.display(),
                image_dir.display()
            )
        });
    }
    if had_old {
        // Environments keep their links to the old files; a failure here
        // only leaves a temp dir for the next build to remove.
        let _ = fs::remove_dir_all(aside);
    }
    Ok(())
}

/// Write `CACHEDIR.TAG` into `dir` unless it is there already.
fn tag_cache_dir(dir: &Path) -> Result<()> {
    let path = dir.join("CACHEDIR.TAG");
    match files::write_new(&path, CACHEDIR_TAG.as_bytes(), 0o644) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
}

/// The manifest of a complete, current and unmodified image, or None.
fn load(image_dir: &Path, wheel_size: u64) -> Option<Manifest> {
    let text = fs::read_to_string(image_dir.join(MANIFEST)).ok()?;
    let manifest: Manifest = serde_json::from_str(&text).ok()?;
    let current = manifest.format == FORMAT && manifest.wheel_size == wheel_size;
    (current && intact(&image_dir.join(TREE), &manifest)).then_some(manifest)
}

/// Whether every file of the image is still the one unpacked: same size,
/// mtime, inode and mode (so also still read-only), one stat per file.
fn intact(tree: &Path, manifest: &Manifest) -> bool {
    manifest
        .files
        .iter()
        .all(|f| Stamp::of(&tree.join(&f.path)).is_ok_and(|s| s == f.stamp))
}

/// Under the exclusive lock: remove temp dirs of this wheel, half-built by a
/// builder that died or set aside by a replacement.
fn remove_leftovers(wheels: &Path, stem: &str) -> Result<()> {
    let prefix = format!(".tmp-{stem}--");
    let entries =
        fs::read_dir(wheels).with_context(|| format!("cannot list {}", wheels.display()))?;
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix))
        {
            let path = entry.path();
            fs::remove_dir_all(&path).with_context(|| {
                format!("cannot remove the stale cache directory {}", path.display())
            })?;
        }
    }
    Ok(())
}

/// Unpack `wheel` into `dir/tree` and write `dir/manifest.json`.
fn unpack(wheel: &Path, wheel_size: u64, dir: &Path) -> Result<Manifest> {
    let shown = wheel.display();
    let file = File::open(wheel).with_context(|| format!("cannot open {shown}"))?;
    let mut zip = zip::ZipArchive::new(file)
        .with_context(|| format!("{shown} is not a readable wheel (zip) file"))?;

    let dist_info = find_dist_info(&zip).with_context(|| format!("in wheel {shown}"))?;
    let data_prefix = format!(
        "{}.data/",
        dist_info.strip_suffix(".dist-info").unwrap_or(&dist_info)
    );
    check_wheel_version(
        &read_text(&mut zip, &format!("{dist_info}/WHEEL"), wheel)?,
        wheel,
    )?;
    let expected = read_optional(&mut zip, &format!("{dist_info}/RECORD"), wheel)?
        .map(|text| {
            text.lines()
                .filter_map(record::parse_line)
                .collect::<HashMap<_, _>>()
        })
        .unwrap_or_default();
    let ep_name = format!("{dist_info}/entry_points.txt");
    let entry_points = match read_optional(&mut zip, &ep_name, wheel)? {
        Some(text) => launcher::parse_entry_points(&text, &format!("{shown}: {ep_name}"))?,
        None => Vec::new(),
    };
    // Files this installer writes itself, per environment.
    let skipped: HashSet<String> = [
        "RECORD",
        "RECORD.jws",
        "RECORD.p7s",
        "INSTALLER",
        "REQUESTED",
    ]
    .iter()
    .map(|f| format!("{dist_info}/{f}"))
    .collect();

    let tree = dir.join(TREE);
    let mut dirs = BTreeSet::new();
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    let mut record_text = String::new();
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .with_context(|| format!("cannot read entry {i} of {shown}"))?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().to_string();
        if entry.enclosed_name().is_none() || name.contains('\\') || name.starts_with('/') {
            bail!("wheel {shown} contains an unsafe path {name:?}; refusing to unpack it");
        }
        let rel = match name.strip_prefix(&data_prefix) {
            None => name.clone(),
            Some(rest) => match rest.split_once('/') {
                // A venv's purelib and platlib are both site-packages.
                Some(("purelib" | "platlib", sub)) if !sub.is_empty() => sub.to_string(),
                _ => bail!(hinted(
                    format!(
                        "wheel {shown} installs {name:?} outside site-packages, which \
                         envreg's pip seeding does not support"
                    ),
                    "create the environment with --no-pip and run `python -m ensurepip` in it"
                )),
            },
        };
        if skipped.contains(&rel) {
            continue;
        }
        if !seen.insert(rel.clone()) {
            bail!("wheel {shown} contains {rel:?} twice; refusing to unpack it");
        }
        let mut data = Vec::with_capacity(entry.size() as usize);
        entry
            .read_to_end(&mut data)
            .with_context(|| format!("cannot decompress {name} from {shown}"))?;
        let hash = record::hash(&data);
        if let Some(want) = expected.get(&name).filter(|h| !h.is_empty())
            && *want != hash
        {
            bail!(hinted(
                format!("wheel {shown} is corrupt: {name} does not match the hash in its RECORD"),
                "reinstall this Python, or create the environment with --no-pip"
            ));
        }
        let dest = tree.join(&rel);
        let mut parent = Path::new(&rel).parent();
        while let Some(p) = parent.filter(|p| !p.as_os_str().is_empty()) {
            dirs.insert(p.to_string_lossy().replace('\\', "/"));
            parent = p.parent();
        }
        if let Some(p) = dest.parent() {
            fs::create_dir_all(p).with_context(|| format!("cannot create {}", p.display()))?;
        }
        // Read-only from the start: environments share these inodes.
        let mode = if entry.unix_mode().is_some_and(|m| m & 0o111 != 0) {
            0o555
        } else {
            0o444
        };
        files::write_new(&dest, &data, mode)
            .with_context(|| format!("cannot write {}", dest.display()))?;
        #[cfg(not(unix))]
        {
            let mut perms = fs::metadata(&dest)
                .with_context(|| format!("cannot read {}", dest.display()))?
                .permissions();
            perms.set_readonly(true);
            fs::set_permissions(&dest, perms)
                .with_context(|| format!("cannot make {} read-only", dest.display()))?;
        }
        let stamp = Stamp::of(&dest).with_context(|| format!("cannot read {}", dest.display()))?;
        record_text.push_str(&record::line(&rel, &hash, Some(data.len() as u64)));
        files.push(ImageFile { path: rel, stamp });
    }
    if !seen.contains(&format!("{dist_info}/METADATA")) {
        bail!("wheel {shown} has no {dist_info}/METADATA; it is not a valid wheel");
    }

    let manifest = Manifest {
        format: FORMAT,
        wheel_size,
        dist_info,
        dirs: dirs.into_iter().collect(),
        files,
        record: record_text,
        entry_points,
    };
    let path = dir.join(MANIFEST);
    let json = serde_json::to_string(&manifest).context("cannot serialize the wheel manifest")?;
    files::write_new(&path, json.as_bytes(), 0o444)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(manifest)
}

/// The one top-level `*.dist-info` directory of the archive.
fn find_dist_info<R: std::io::Read + std::io::Seek>(zip: &zip::ZipArchive<R>) -> Result<String> {
    let found: BTreeSet<&str> = zip
        .file_names()
        .filter_map(|n| n.split_once('/').map(|(top, _)| top))
        .filter(|top| top.ends_with(".dist-info"))
        .collect();
    match found.len() {
        1 => Ok(found.into_iter().next().unwrap_or_default().to_string()),
        0 => bail!("no *.dist-info directory; it is not a valid wheel"),
        _ => bail!("several *.dist-info directories ({found:?}); it is not a valid wheel"),
    }
}

fn check_wheel_version(text: &str, wheel: &Path) -> Result<()> {
    let version = text
        .lines()
        .find_map(|l| l.strip_prefix("Wheel-Version:"))
        .map(str::trim);
    match version.and_then(|v| v.split('.').next()) {
        Some("1") => Ok(()),
        _ => bail!(hinted(
            format!(
                "wheel {} has Wheel-Version {:?}, which envreg cannot install",
                wheel.display(),
                version.unwrap_or("(missing)")
            ),
            "create the environment with --no-pip"
        )),
    }
}

fn read_text<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    wheel: &Path,
) -> Result<String> {
    read_optional(zip, name, wheel)?.with_context(|| {
        format!(
            "wheel {} has no {name}; it is not a valid wheel",
            wheel.display()
        )
    })
}

fn read_optional<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    wheel: &Path,
) -> Result<Option<String>> {
    let mut entry = match zip.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read {name} in {}", wheel.display()));
        }
    };
    let mut text = String::new();
    entry
        .read_to_string(&mut text)
        .with_context(|| format!("{name} in {} is not UTF-8 text", wheel.display()))?;
    Ok(Some(text))
}

/// Something in the seed cache that no environment needs (see [`garbage`]).
#[derive(Debug, Clone)]
pub struct Garbage {
    /// The wheel stem it belongs to.
    pub stem: String,
    pub dir: PathBuf,
    /// Allocated bytes it takes.
    pub bytes: u64,
    /// A half-built or set-aside build directory rather than an image.
    pub leftover: bool,
}

/// What `envreg gc` removes from the seed cache, read-only:
///
/// - an image none of whose files is hard-linked from anywhere else (after
///   discounting the links in `leaving`, environments about to be removed),
///   unless it is the newest version of its distribution for its wheel tags
///   (`pip-*-py3-none-any`): that one is what the next environment would be
///   seeded from, so it stays even when unused;
/// - a build directory (`.tmp-STEM--…`) whose lock nobody holds: a builder
///   that died, or an old image set aside.
///
/// When the cache is on another file system than the environments, files
/// were copied, not linked, so only the newest image of each kind stays.
pub fn garbage(cache_dir: &Path, leaving: &HashMap<(u64, u64), u64>) -> Vec<Garbage> {
    let wheels = cache_dir.join("wheels");
    let Ok(entries) = fs::read_dir(&wheels) else {
        return Vec::new();
    };
    let mut images: Vec<(String, PathBuf)> = Vec::new();
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        if let Some(rest) = name.strip_prefix(".tmp-") {
            let Some((stem, _)) = rest.rsplit_once("--") else {
                continue;
            };
            if lock_is_free(&wheels.join(format!("{stem}.lock"))) {
                found.push(Garbage {
                    stem: stem.to_string(),
                    bytes: crate::space::measure(&entry.path()).bytes(),
                    dir: entry.path(),
                    leftover: true,
                });
            }
        } else if !name.starts_with('.') {
            images.push((name, entry.path()));
        }
    }
    // The newest version per (distribution, wheel tags).
    let mut newest: HashMap<(String, String), String> = HashMap::new();
    for (stem, _) in &images {
        if let Some((name, version, tags)) = split_stem(stem) {
            let key = (name.to_string(), tags.to_string());
            let better = newest.get(&key).is_none_or(|best| {
                split_stem(best).is_some_and(|(_, v, _)| {
                    super::find::compare_versions(version, v) == std::cmp::Ordering::Greater
                })
            });
            if better {
                newest.insert(key, stem.clone());
            }
        }
    }
    for (stem, dir) in images {
        let current = split_stem(&stem).is_some_and(|(name, _, tags)| {
            newest.get(&(name.to_string(), tags.to_string())) == Some(&stem)
        });
        if current {
            continue;
        }
        let usage = crate::space::measure(&dir);
        if !linked_elsewhere(&usage, leaving) {
            found.push(Garbage {
                stem,
                bytes: usage.bytes(),
                dir,
                leftover: false,
            });
        }
    }
    found.sort_by(|a, b| a.dir.cmp(&b.dir));
    found
}

/// Whether any file of the tree has a link outside it other than those in
/// `leaving` (file id → links there).
fn linked_elsewhere(usage: &crate::space::Usage, leaving: &HashMap<(u64, u64), u64>) -> bool {
    usage
        .shared_files
        .iter()
        .any(|f| f.nlink - f.seen > leaving.get(&f.id).copied().unwrap_or(0))
}

/// Remove `item` (from [`garbage`]) under its wheel's exclusive lock, after
/// checking again that nothing links to it. Ok(false) when it is in use
/// now (a running envreg holds its lock, or an environment links to it).
pub fn remove_garbage(cache_dir: &Path, item: &Garbage) -> Result<bool> {
    let wheels = cache_dir.join("wheels");
    let lock_path = wheels.join(format!("{}.lock", item.stem));
    let lock = open_lock(&lock_path)
        .with_context(|| format!("cannot open the cache lock {}", lock_path.display()))?;
    if lock.try_lock().is_err() {
        return Ok(false);
    }
    if !item.leftover {
        if linked_elsewhere(&crate::space::measure(&item.dir), &HashMap::new()) {
            return Ok(false);
        }
        // Renamed first, so the image is gone at once, never half there.
        let aside = temp_name(&wheels, &item.stem);
        match fs::rename(&item.dir, &aside) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(false),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot remove {}", item.dir.display()));
            }
        }
        return fs::remove_dir_all(&aside)
            .with_context(|| format!("cannot remove {}", aside.display()))
            .map(|()| true);
    }
    match fs::remove_dir_all(&item.dir) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e).with_context(|| format!("cannot remove {}", item.dir.display())),
    }
}

/// True when nobody holds the lock at `path` (or there is none).
fn lock_is_free(path: &Path) -> bool {
    match OpenOptions::new().write(true).open(path) {
        Ok(file) => file.try_lock().is_ok(),
        Err(e) => e.kind() == ErrorKind::NotFound,
    }
}

/// `pip-23.2.1-py3-none-any` → ("pip", "23.2.1", "py3-none-any").
fn split_stem(stem: &str) -> Option<(&str, &str, &str)> {
    let (name, rest) = stem.split_once('-')?;
    let (version, tags) = rest.split_once('-')?;
    Some((name, version, tags))
}

#[cfg(all(test, unix))]
mod gc_tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    fn image(wheels: &Path, stem: &str) -> PathBuf {
        let dir = wheels.join(stem);
        fs::create_dir_all(dir.join(TREE)).unwrap();
        fs::write(dir.join(TREE).join("f.py"), vec![b'x'; 5000]).unwrap();
        fs::write(dir.join(MANIFEST), "{}").unwrap();
        dir
    }

    #[test]
    fn unlinked_older_images_and_dead_builds_are_garbage() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = tmp.path().join("cache");
        let wheels = cache.join("wheels");
        let old = image(&wheels, "pip-9.0-py3-none-any");
        let new = image(&wheels, "pip-10.0-py3-none-any");
        image(&wheels, "setuptools-1.0-py3-none-any");
        let dead = wheels.join(".tmp-pip-11.0-py3-none-any--1-2-3");
        fs::create_dir_all(&dead).unwrap();
        // An environment links pip 9's file.
        let env_file = tmp.path().join("env-f.py");
        fs::hard_link(old.join(TREE).join("f.py"), &env_file).unwrap();

        let stems = |g: &[Garbage]| g.iter().map(|g| g.stem.clone()).collect::<Vec<_>>();
        let found = garbage(&cache, &HashMap::new());
        // pip 10 is the newest (numerically), setuptools the only one.
        assert_eq!(stems(&found), ["pip-11.0-py3-none-any"]);
        assert!(found[0].leftover);
        // The link is from an environment being removed: pip 9 goes too.
        let meta = fs::metadata(&env_file).unwrap();
        let leaving = HashMap::from([((meta.dev(), meta.ino()), 1)]);
        let found = garbage(&cache, &leaving);
        assert_eq!(
            stems(&found),
            ["pip-11.0-py3-none-any", "pip-9.0-py3-none-any"]
        );
        // Still linked when removing: kept.
        assert!(!remove_garbage(&cache, &found[1]).unwrap());
        assert!(old.exists());
        fs::remove_file(&env_file).unwrap();
        assert!(remove_garbage(&cache, &found[1]).unwrap());
        assert!(remove_garbage(&cache, &found[0]).unwrap());
        assert!(!old.exists() && !dead.exists() && new.exists());
    }
}
