//! Copying an environment to a new path with every path inside rewritten
//! (what `cp` builds in its staging directory), and the same rewrite in
//! place (what `mv` does to the renamed directory).
//!
//! Every regular file is read; one that names the old directory (a script's
//! shebang, an activation script, a `.pth` file, `RECORD`,
//! `direct_url.json`, …) is written with the new directory instead. Any
//! other file is cloned (FICLONE, a reflink, on file systems that have
//! them) or copied, never hard-linked, so the copy is independent — except
//! files that are hard links into envreg's read-only seed cache
//! (`cache/wheels/*/tree`), which stay linked as every environment's seed
//! files are. Symbolic links are recreated as links (their target rewritten
//! when it names the old directory), never followed. `__pycache__`
//! directories are left out: their byte code names the old paths and
//! Python rebuilds it. Permission bits and modification times are kept.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::env::Venv;
use super::settings::Replace;

/// Marks an environment built by `cp`/`mv` that is not registered yet; the
/// registry removes the file when it commits. A directory in `envs/` with
/// this file and no index entry is an uncommitted copy: recovery deletes it.
pub const UNCOMMITTED: &str = ".envreg-uncommitted";

/// One textual replacement: the old directory as bytes, and the new one.
struct Pair {
    old: Vec<u8>,
    new: Vec<u8>,
}

/// What a copy did, for the message.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub files: u64,
    pub rewritten: u64,
    pub linked: u64,
}

/// The replacements that move files from naming `old` to naming `new`:
/// `old` itself, and `also` (the old place with its links resolved, which
/// files may name too) when given and different.
fn pairs(old: &Path, also: Option<&Path>, new: &Path) -> Vec<Pair> {
    let mut pairs = vec![Pair {
        old: bytes(old),
        new: bytes(new),
    }];
    if let Some(also) = also
        && also != old
    {
        pairs.push(Pair {
            old: bytes(also),
            new: bytes(new),
        });
    }
    pairs
}

/// Copy the environment `src` (whose files name `old`) into the empty
/// directory `dst` so that its files name `new` instead. `cache_dir` is
/// envreg's cache (seed images live under `wheels/`).
pub fn copy(src: &Path, dst: &Path, old: &Path, new: &Path, cache_dir: &Path) -> Result<Stats> {
    let canon = old.canonicalize().ok();
    let seed = SeedTrees::new(cache_dir, Venv::open(src).site_packages());
    let mut job = Job {
        pairs: pairs(old, canon.as_deref(), new),
        seed,
        stats: Stats::default(),
        buf: Vec::new(),
    };
    job.dir(src, dst)?;
    Ok(job.stats)
}

/// Everything `cp` puts into its staging directory `staging`: a copy of
/// `src` (an environment whose files name `old`) whose files name `new`
/// (where it will live), named `new_name`; `prompt` is the prompt the user
/// set, if any (see [`retarget`]). The copy is marked as uncommitted.
#[allow(clippy::too_many_arguments)]
pub fn prepare(
    src: &Path,
    staging: &Path,
    old: &Path,
    new: &Path,
    old_name: &str,
    new_name: &str,
    prompt: Option<&str>,
    cache_dir: &Path,
) -> Result<Stats> {
    let stats = copy(src, staging, old, new, cache_dir)?;
    retarget(staging, new, old_name, new_name, prompt, Replace::Staging)?;
    // The source's directory on the last line: recovery deletes an
    // unregistered copy only while that source is still a registered env.
    let mut mark = b"envreg: a copy that 'envreg cp' has not registered yet; \
        unregistered while its source below is still registered, it is deleted by the next \
        envreg command\n"
        .to_vec();
    mark.extend_from_slice(old.as_os_str().as_encoded_bytes());
    mark.push(b'\n');
    super::settings::replace_file(&staging.join(UNCOMMITTED), &mark)
        .with_context(|| format!("cannot write {}", staging.join(UNCOMMITTED).display()))?;
    Ok(stats)
}

/// The settings part of moving an environment from the name `old_name` to
/// `new_name`, for the environment now at `here` that will live at `new`:
/// pyvenv.cfg's prompt becomes the new name when it was the old default
/// (the old name) and `prompt` (the user's own) is unset; the `envreg` key
/// is added when missing; the activation scripts are written afresh for
/// `new`. Each file is replaced as `how` says. Idempotent: run again on the
/// result it writes the same files.
pub fn retarget(
    here: &Path,
    new: &Path,
    old_name: &str,
    new_name: &str,
    prompt: Option<&str>,
    how: Replace,
) -> Result<()> {
    let venv = Venv::open(here);
    let cfg_path = venv.cfg_path();
    let text = fs::read_to_string(&cfg_path)
        .with_context(|| format!("cannot read {}", cfg_path.display()))?;
    let cfg = crate::venv::cfg::parse(&text);
    let get = |key: &str| cfg.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let mut edits = Vec::new();
    if prompt.is_none() && get("prompt") == Some(old_name) {
        edits.push(("prompt", Some(super::settings::python_repr(new_name))));
    }
    if get("envreg").is_none() {
        edits.push(("envreg", Some(env!("CARGO_PKG_VERSION").to_string())));
    }
    if !edits.is_empty() {
        let out = super::settings::edit_cfg(&text, &edits);
        let written = match how {
            Replace::Staging => super::settings::replace_file(&cfg_path, out.as_bytes()),
            Replace::Unsynced => {
                crate::fsutil::replace_unsynced(&cfg_path, out.as_bytes(), Some(0o644))
            }
            Replace::Synced => crate::fsutil::write_atomic(&cfg_path, out.as_bytes()),
        };
        written.with_context(|| format!("cannot write {}", cfg_path.display()))?;
    }
    let prompt = match (prompt, get("prompt")) {
        (Some(p), _) => p.to_string(),
        (None, Some(p)) if p != old_name => p.to_string(),
        _ => new_name.to_string(),
    };
    let final_venv = Venv::with_layout(new, venv.layout);
    super::settings::write_activation_scripts(&final_venv, &venv.bin_dir(), &prompt, how)
}

/// Rewrite, in place, every file below `dir` (an environment just renamed
/// from `old`, or from `also`, its resolved form) that names the old
/// directory so that it names `new` (`dir` itself) instead: each such file
/// is replaced atomically (a temporary file renamed over it, its permission
/// bits kept), a symbolic link naming the old directory is replaced by one
/// naming the new. Files that name nothing are not touched. `__pycache__`
/// is left as it is: its byte code names the old source paths, which
/// Python corrects when it loads it (`_imp._fix_co_filename`). Temporary
/// files of an earlier, interrupted pass are removed. Idempotent (a name is
/// never a path prefix of another, so `new` never matches `old`). envreg's
/// read-only seed files (hard links into `cache_dir`'s seed images, see the
/// module docs) are skipped unread. Returns how many files were rewritten.
pub fn rewrite_in_place(
    dir: &Path,
    old: &Path,
    also: Option<&Path>,
    new: &Path,
    cache_dir: &Path,
) -> Result<u64> {
    let pairs = pairs(old, also, new);
    let seed = SeedTrees::new(cache_dir, Venv::open(dir).site_packages());
    let mut count = 0;
    let mut buf = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = fs::read_dir(&d).with_context(|| format!("cannot read {}", d.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot read {}", d.display()))?;
            let path = entry.path();
            let kind = entry
                .file_type()
                .with_context(|| format!("cannot read {}", path.display()))?;
            let name = entry.file_name();
            if name
                .as_encoded_bytes()
                .starts_with(crate::fsutil::TEMP_PREFIX.as_bytes())
                && !kind.is_dir()
            {
                let _ = fs::remove_file(&path);
                continue;
            }
            if kind.is_dir() {
                if name != "__pycache__" {
                    stack.push(path);
                }
            } else if kind.is_symlink() {
                let target = fs::read_link(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                if let Some(b) = rewrite_with(&pairs, target.as_os_str().as_encoded_bytes()) {
                    let target = PathBuf::from(String::from_utf8_lossy(&b).into_owned());
                    relink(&path, &target)?;
                    count += 1;
                    crate::crash_point!("mv.rewrote");
                }
            } else if kind.is_file() {
                let meta = entry
                    .metadata()
                    .with_context(|| format!("cannot read {}", path.display()))?;
                // envreg's read-only seed files are shared images: they
                // name no environment (and are never written through).
                if seed.is_seed_link(&path, &meta) {
                    continue;
                }
                buf.clear();
                File::open(&path)
                    .and_then(|mut f| f.read_to_end(&mut buf))
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let Some(data) = rewrite_with(&pairs, &buf) else {
                    continue;
                };
                let data = fit_shebang(data, &pairs[0].new);
                crate::fsutil::replace_unsynced(&path, &data, mode_of(&meta))
                    .with_context(|| format!("cannot write {}", path.display()))?;
                count += 1;
                crate::crash_point!("mv.rewrote");
            }
        }
    }
    Ok(count)
}

#[cfg(unix)]
fn mode_of(meta: &fs::Metadata) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    Some(meta.permissions().mode())
}

#[cfg(not(unix))]
fn mode_of(_meta: &fs::Metadata) -> Option<u32> {
    None
}

/// Replace the symbolic link `link` by one to `target`, atomically.
fn relink(link: &Path, target: &Path) -> Result<()> {
    let dir = link.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        "{}link-{}",
        crate::fsutil::TEMP_PREFIX,
        std::process::id()
    ));
    let _ = fs::remove_file(&tmp);
    symlink(target, &tmp, link)?;
    fs::rename(&tmp, link).with_context(|| format!("cannot replace {}", link.display()))
}

fn bytes(p: &Path) -> Vec<u8> {
    p.as_os_str().as_encoded_bytes().to_vec()
}

struct Job {
    pairs: Vec<Pair>,
    seed: SeedTrees,
    stats: Stats,
    buf: Vec<u8>,
}

impl Job {
    fn dir(&mut self, src: &Path, dst: &Path) -> Result<()> {
        let entries =
            fs::read_dir(src).with_context(|| format!("cannot read {}", src.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot read {}", src.display()))?;
            let name = entry.file_name();
            let from = entry.path();
            let to = dst.join(&name);
            let meta = from
                .symlink_metadata()
                .with_context(|| format!("cannot read {}", from.display()))?;
            let kind = meta.file_type();
            if kind.is_symlink() {
                let target = fs::read_link(&from)
                    .with_context(|| format!("cannot read {}", from.display()))?;
                let target = self.rewrite_path(&target);
                symlink(&target, &to, &from)?;
            } else if kind.is_dir() {
                if name == "__pycache__" {
                    continue;
                }
                fs::create_dir(&to).with_context(|| format!("cannot create {}", to.display()))?;
                self.dir(&from, &to)?;
                let _ = fs::set_permissions(&to, meta.permissions());
            } else if kind.is_file() {
                self.file(&from, &to, &meta)?;
            }
            // Sockets, FIFOs and devices are not part of an environment.
        }
        Ok(())
    }

    fn file(&mut self, from: &Path, to: &Path, meta: &fs::Metadata) -> Result<()> {
        self.stats.files += 1;
        if self.seed.is_seed_link(from, meta) && fs::hard_link(from, to).is_ok() {
            self.stats.linked += 1;
            return Ok(());
        }
        let mut src =
            File::open(from).with_context(|| format!("cannot read {}", from.display()))?;
        self.buf.clear();
        src.read_to_end(&mut self.buf)
            .with_context(|| format!("cannot read {}", from.display()))?;
        let new_dir = &self.pairs[0].new;
        let rewritten = self
            .rewrite(&self.buf)
            .map(|data| fit_shebang(data, new_dir));
        let mut dst = create(to, meta)?;
        let result = match &rewritten {
            Some(text) => {
                self.stats.rewritten += 1;
                dst.write_all(text)
            }
            None if reflink(&src, &dst) => Ok(()),
            None => dst.write_all(&self.buf),
        };
        result.with_context(|| format!("cannot write {}", to.display()))?;
        if rewritten.is_none()
            && let Ok(mtime) = meta.modified()
        {
            let _ = dst.set_modified(mtime);
        }
        Ok(())
    }

    /// `data` with every old directory replaced, or `None` if it names none.
    fn rewrite(&self, data: &[u8]) -> Option<Vec<u8>> {
        rewrite_with(&self.pairs, data)
    }

    fn rewrite_path(&self, target: &Path) -> PathBuf {
        match self.rewrite(target.as_os_str().as_encoded_bytes()) {
            // SAFETY-free: the bytes came from an OsStr with valid paths spliced in.
            Some(b) => PathBuf::from(String::from_utf8_lossy(&b).into_owned()),
            None => target.to_path_buf(),
        }
    }
}

/// `data` with every pair's old directory replaced, or `None` if it names none.
fn rewrite_with(pairs: &[Pair], data: &[u8]) -> Option<Vec<u8>> {
    let mut out: Option<Vec<u8>> = None;
    for pair in pairs {
        let input = out.as_deref().unwrap_or(data);
        if let Some(changed) = replace_paths(input, &pair.old, &pair.new) {
            out = Some(changed);
        }
    }
    out
}

/// Replace each `old` in `data` that is a whole path prefix (not followed
/// by a character that continues a name: `/envs/a` is not in `/envs/ab`).
pub fn replace_paths(data: &[u8], old: &[u8], new: &[u8]) -> Option<Vec<u8>> {
    let finder = memchr::memmem::Finder::new(old);
    let mut out = Vec::new();
    let mut last = 0;
    let mut changed = false;
    for at in finder.find_iter(data) {
        if at < last {
            continue;
        }
        let next = data.get(at + old.len()).copied();
        if next.is_some_and(|c| c.is_ascii_alphanumeric() || b"._+-".contains(&c)) {
            continue;
        }
        out.extend_from_slice(&data[last..at]);
        out.extend_from_slice(new);
        last = at + old.len();
        changed = true;
    }
    if !changed {
        return None;
    }
    out.extend_from_slice(&data[last..]);
    Some(out)
}

/// `data` (a file just rewritten) with a `#!` line naming a program in the
/// new directory turned into the `/bin/sh` trampoline pip and envreg write
/// when the kernel cannot take the plain line: it is longer than the limit
/// (127 bytes on Linux, 512 on macOS) or the path has white space.
pub fn fit_shebang(data: Vec<u8>, new_dir: &[u8]) -> Vec<u8> {
    let Some(rest) = data.strip_prefix(b"#!") else {
        return data;
    };
    let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    let exe = &rest[..end];
    if !exe.starts_with(new_dir) {
        return data;
    }
    let limit = if cfg!(target_os = "macos") { 512 } else { 127 };
    let fits = exe.len() + 3 <= limit && !exe.iter().any(|b| b.is_ascii_whitespace());
    if fits || exe.contains(&b'\\') || exe.contains(&b'\'') {
        return data;
    }
    let mut out = b"#!/bin/sh\n'''exec' '".to_vec();
    out.extend_from_slice(exe);
    out.extend_from_slice(b"' \"$0\" \"$@\"\n' '''");
    out.extend_from_slice(&rest[end..]);
    out
}

/// Create `to` exclusively with `meta`'s permission bits.
fn create(to: &Path, meta: &fs::Metadata) -> Result<File> {
    let mut options = File::options();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(meta.permissions().mode() & 0o7777);
    }
    let file = options
        .open(to)
        .with_context(|| format!("cannot create {}", to.display()))?;
    #[cfg(not(unix))]
    if meta.permissions().readonly() {
        let _ = file.set_permissions(meta.permissions());
    }
    #[cfg(unix)]
    let _ = meta;
    Ok(file)
}

/// Clone `src`'s data into the empty `dst` (FICLONE); false where the file
/// system cannot (ext4, tmpfs, another file system).
#[cfg(target_os = "linux")]
fn reflink(src: &File, dst: &File) -> bool {
    use std::os::fd::AsRawFd;
    // FICLONE = _IOW(0x94, 9, int)
    const FICLONE: libc::c_ulong = 0x4004_9409;
    // SAFETY: both descriptors are open for the duration of the call, and
    // FICLONE takes the source descriptor as its argument.
    unsafe { libc::ioctl(dst.as_raw_fd(), FICLONE as _, src.as_raw_fd()) == 0 }
}

#[cfg(not(target_os = "linux"))]
fn reflink(_src: &File, _dst: &File) -> bool {
    false
}

fn symlink(target: &Path, link: &Path, original: &Path) -> Result<()> {
    #[cfg(unix)]
    let result = std::os::unix::fs::symlink(target, link);
    #[cfg(windows)]
    let result = if original.is_dir() {
        std::os::windows::fs::symlink_dir(target, link)
    } else {
        std::os::windows::fs::symlink_file(target, link)
    };
    #[cfg(unix)]
    let _ = original;
    result.with_context(|| {
        format!(
            "cannot create the symlink {} -> {}",
            link.display(),
            target.display()
        )
    })
}

/// The unpacked seed wheels (`cache/wheels/*/tree`) whose files
/// environments hard-link to. (Only read on Unix, where seed files are
/// hard links.)
#[cfg_attr(not(unix), allow(dead_code))]
struct SeedTrees {
    trees: Vec<PathBuf>,
    site_packages: Option<PathBuf>,
}

impl SeedTrees {
    fn new(cache_dir: &Path, site_packages: Option<PathBuf>) -> SeedTrees {
        let trees = fs::read_dir(cache_dir.join("wheels"))
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.path().join("tree"))
                    .filter(|t| t.is_dir())
                    .collect()
            })
            .unwrap_or_default();
        SeedTrees {
            trees,
            site_packages,
        }
    }

    /// True when `file` in site-packages is the very file (same inode) at
    /// the same place in a seed image, and read-only.
    #[cfg(unix)]
    fn is_seed_link(&self, file: &Path, meta: &fs::Metadata) -> bool {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() < 2 || meta.mode() & 0o222 != 0 {
            return false;
        }
        let Some(rel) = self
            .site_packages
            .as_deref()
            .and_then(|sp| file.strip_prefix(sp).ok())
        else {
            return false;
        };
        self.trees.iter().any(|t| {
            fs::symlink_metadata(t.join(rel))
                .is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
        })
    }

    #[cfg(not(unix))]
    fn is_seed_link(&self, _file: &Path, _meta: &fs::Metadata) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_paths_only() {
        let r = |d: &str| {
            replace_paths(d.as_bytes(), b"/h/envs/a", b"/h/envs/bee")
                .map(|v| String::from_utf8(v).unwrap())
        };
        assert_eq!(
            r("#!/h/envs/a/bin/python\n").unwrap(),
            "#!/h/envs/bee/bin/python\n"
        );
        assert_eq!(
            r("'/h/envs/a' x /h/envs/a").unwrap(),
            "'/h/envs/bee' x /h/envs/bee"
        );
        assert_eq!(r("/h/envs/ab/bin /h/envs/a.x /h/envs/a-1"), None);
        assert_eq!(r("nothing"), None);
    }

    #[test]
    fn long_shebangs_become_the_sh_trampoline() {
        let long = format!("/h/{}", "x".repeat(130));
        let data = format!("#!{long}/bin/python\nimport sys\n").into_bytes();
        let out = String::from_utf8(fit_shebang(data, long.as_bytes())).unwrap();
        assert_eq!(
            out,
            format!("#!/bin/sh\n'''exec' '{long}/bin/python' \"$0\" \"$@\"\n' '''\nimport sys\n")
        );
        let short = b"#!/h/e/bin/python\nx\n".to_vec();
        assert_eq!(fit_shebang(short.clone(), b"/h/e"), short);
        let spaced = b"#!/h/a b/bin/python\nx\n".to_vec();
        assert!(fit_shebang(spaced, b"/h/a b").starts_with(b"#!/bin/sh\n"));
    }

    #[cfg(unix)]
    #[test]
    fn copies_rewrites_and_keeps_links() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let old = d.path().join("envs/a");
        let new = d.path().join("envs/b");
        fs::create_dir_all(old.join("bin")).unwrap();
        fs::create_dir_all(old.join("lib/python3.12/site-packages/__pycache__")).unwrap();
        fs::write(
            old.join("lib/python3.12/site-packages/__pycache__/x.pyc"),
            "x",
        )
        .unwrap();
        let script = old.join("bin/tool");
        fs::write(&script, format!("#!{}/bin/python\n", old.display())).unwrap();
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
        std::os::unix::fs::symlink("/usr/bin/python3", old.join("bin/python")).unwrap();
        std::os::unix::fs::symlink("lib", old.join("lib64")).unwrap();
        fs::write(old.join("data"), b"\0binary\xff").unwrap();
        fs::create_dir_all(&new).unwrap();
        let stats = copy(&old, &new, &old, &new, &d.path().join("cache")).unwrap();
        assert_eq!(stats.rewritten, 1);
        let text = fs::read_to_string(new.join("bin/tool")).unwrap();
        assert_eq!(text, format!("#!{}/bin/python\n", new.display()));
        let mode = fs::metadata(new.join("bin/tool"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o755);
        assert_eq!(
            fs::read_link(new.join("bin/python")).unwrap(),
            Path::new("/usr/bin/python3")
        );
        assert_eq!(fs::read_link(new.join("lib64")).unwrap(), Path::new("lib"));
        assert_eq!(fs::read(new.join("data")).unwrap(), b"\0binary\xff");
        assert!(
            !new.join("lib/python3.12/site-packages/__pycache__")
                .exists()
        );
    }
}
