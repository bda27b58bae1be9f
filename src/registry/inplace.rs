//! Registering a venv that lives elsewhere, where it is (`adopt`, `import`),
//! and moving such a venv into `envs/` (`import --move`).
//!
//! An adopted environment is unmanaged: its entry records its directory
//! (normalised: absolute, links resolved) and `rm` only forgets it unless
//! asked to delete it. Nothing is run to learn about it: the interpreter is
//! read from pyvenv.cfg (`home`, `version`, `executable`, `implementation`)
//! and from where `bin/python` links to.
//!
//! `import --move` is a copy into `envs/` with every path rewritten (the
//! `cp` machinery of [`super::clone`]) under the registry's staging: the
//! venv is adopted in place first (saved), copied outside the lock into a
//! staging directory, then under the lock moved into `envs/NAME` with its
//! entry made managed (the commit point); only then is the old directory
//! deleted. A kill before the commit leaves the venv registered in place
//! and a staging directory the next command deletes; a kill after it leaves
//! the old directory with a `.envreg-moved` mark, which the next `import`
//! deletes (the registered copy is the env now).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::clone::{self, UNCOMMITTED};
use super::env::Venv;
use super::index::{Entry, Flags, PythonRecord};
use super::staging::{Staging, Trash};
use super::{Locked, Registry, is_venv, name, same_dir};
use crate::errors::hinted;

/// Left in a venv's old directory once `import --move` has registered its
/// copy; its first line is the copy's directory.
pub const MOVED: &str = ".envreg-moved";

/// Why a directory cannot be adopted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAVenv(pub String);

impl std::fmt::Display for NotAVenv {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a venv directory looks like, read without running anything.
#[derive(Debug, Clone)]
pub struct Found {
    /// Absolute, links resolved.
    pub dir: PathBuf,
    pub entry: Entry,
    /// Why `status` will call it broken, if it will (no bin/python, a
    /// dangling link, a base interpreter that is gone).
    pub broken: Option<String>,
}

/// Look at `path` as a venv to register in place. `strict`: refuse one
/// without a bin/python (what `adopt` does; `import` registers it as broken).
pub fn inspect(path: &Path, strict: bool) -> std::result::Result<Found, NotAVenv> {
    let shown = path.display();
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(NotAVenv(format!("{shown} does not exist")));
        }
        Err(e) => return Err(NotAVenv(format!("cannot read {shown}: {e}"))),
    };
    if !meta.is_dir() {
        return Err(NotAVenv(format!(
            "{shown} is a file, not a virtual environment's directory"
        )));
    }
    let dir = path
        .canonicalize()
        .map_err(|e| NotAVenv(format!("cannot resolve {shown}: {e}")))?;
    if !is_venv(&dir) {
        return Err(NotAVenv(format!(
            "{shown} has no pyvenv.cfg, so it is not a virtual environment (a virtualenv \
             older than 20 writes none: recreate it)"
        )));
    }
    let text = fs::read_to_string(dir.join("pyvenv.cfg"))
        .map_err(|e| NotAVenv(format!("cannot read {}/pyvenv.cfg: {e}", dir.display())))?;
    let cfg = crate::venv::cfg::parse(&text);
    let venv = Venv::open(&dir);
    let launcher = venv.python();
    let has_python = launcher.symlink_metadata().is_ok();
    if strict && !has_python {
        return Err(NotAVenv(format!(
            "{shown} has a pyvenv.cfg but no bin/python, so it cannot be activated"
        )));
    }
    let entry = entry_from(&dir, &cfg, &venv);
    let mut interpreters = Default::default();
    let health = super::status::check(&dir, &entry, &mut interpreters);
    let broken = (health.status != super::status::Status::Ok)
        .then(|| health.reason.unwrap_or_else(|| health.status.to_string()));
    Ok(Found { dir, entry, broken })
}

/// The entry for the foreign venv `dir` with pyvenv.cfg `cfg`.
fn entry_from(dir: &Path, cfg: &[(String, String)], venv: &Venv) -> Entry {
    let get = |key: &str| {
        cfg.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.clone())
    };
    let launcher = venv.python();
    // The interpreter: what pyvenv.cfg says (3.11+ and virtualenv write
    // `executable`), else where bin/python leads, else home/python3.
    let executable = get("executable")
        .or_else(|| get("base-executable"))
        .map(PathBuf::from)
        .or_else(|| {
            fs::read_link(&launcher)
                .ok()
                .map(|_| launcher.canonicalize().unwrap_or(launcher.clone()))
        })
        .or_else(|| get("home").map(|h| Path::new(&h).join("python3")))
        .unwrap_or_else(|| launcher.clone());
    let version = get("version")
        .or_else(|| get("version_info"))
        .or_else(|| lib_version(dir))
        .unwrap_or_else(|| "unknown".into());
    let implementation = get("implementation").unwrap_or_else(|| {
        let exe = executable.to_string_lossy().to_ascii_lowercase();
        if exe.contains("pypy") {
            "PyPy".into()
        } else {
            "CPython".into()
        }
    });
    let created = fs::metadata(dir.join("pyvenv.cfg"))
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or_else(super::now, |d| d.as_secs());
    Entry {
        path: dir.to_path_buf(),
        managed: false,
        python: PythonRecord {
            requested: None,
            executable,
            version,
            implementation,
        },
        created,
        last_used: None,
        project: read_project(dir),
        flags: Flags {
            pip: venv.script("pip").exists(),
            system_site_packages: get("include-system-site-packages")
                .is_some_and(|v| v.eq_ignore_ascii_case("true")),
            prompt: get("prompt").map(|p| unquote(&p)),
        },
        incomplete: None,
        unrecorded: false,
        temp: false,
        vars: Default::default(),
        links: Default::default(),
    }
}

/// "3.12" from `lib/python3.12`, for a pyvenv.cfg without a version.
fn lib_version(dir: &Path) -> Option<String> {
    fs::read_dir(dir.join("lib"))
        .ok()?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .find_map(|n| n.strip_prefix("python").map(str::to_string))
}

/// `venv --prompt` writes the prompt as a Python literal; virtualenv does not.
fn unquote(p: &str) -> String {
    let b = p.as_bytes();
    if b.len() >= 2 && (b[0] == b'\'' || b[0] == b'"') && b[b.len() - 1] == b[0] {
        p[1..p.len() - 1].to_string()
    } else {
        p.to_string()
    }
}

/// The project a virtualenvwrapper/pew `.project` file in `dir` names,
/// absolute (a relative one is taken from the env's directory).
pub fn read_project(dir: &Path) -> Option<PathBuf> {
    let text = fs::read_to_string(dir.join(".project")).ok()?;
    let line = text.lines().next()?.trim();
    if line.is_empty() {
        return None;
    }
    let path = dir.join(line);
    Some(path.canonicalize().unwrap_or_else(|_| normalise(&path)))
}

/// `path` with `.` and `..` parts removed, without touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The name `import`/`adopt` gives the venv at `dir` by default: its
/// directory's name, or its parent's for a project-local `.venv`, `venv`
/// or `env`.
pub fn default_name(dir: &Path) -> String {
    let base = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if matches!(base.as_str(), ".venv" | "venv" | "env" | ".env")
        && let Some(parent) = dir.parent().and_then(Path::file_name)
    {
        return parent.to_string_lossy().into_owned();
    }
    base
}

/// A valid name close to `raw`: every refused character becomes '-', a
/// leading non-alphanumeric is dropped, at most 64 characters, a Windows
/// device name gets "-env". `None` when nothing usable is left.
pub fn suggest_valid(raw: &str) -> Option<String> {
    let mut out = String::new();
    for c in raw.chars() {
        let ok = c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-');
        let c = if ok { c } else { '-' };
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
    }
    let out = out.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    let mut out: String = out
        .trim_end_matches('-')
        .chars()
        .take(name::MAX_LEN)
        .collect();
    if out.is_empty() {
        return None;
    }
    if name::validate(&out).is_err() {
        out.truncate(name::MAX_LEN - 4);
        out.push_str("-env");
    }
    name::validate(&out).is_ok().then_some(out)
}

/// The registered name whose directory is `dir` in `index`, and whether
/// envreg manages it.
pub fn registered_name(
    registry: &Registry,
    index: &super::Index,
    dir: &Path,
) -> Option<(String, bool)> {
    index
        .envs
        .iter()
        .find(|(n, e)| same_dir(&registry.dir_of(n, e), dir))
        .map(|(n, e)| (n.clone(), e.managed))
}

/// What [`Locked::adopt`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Adopted {
    /// Registered under this name.
    New(String),
    /// The directory was registered already, under this name.
    Already(String),
}

impl Locked<'_> {
    /// The registered name whose directory is `dir`, if any.
    pub fn name_of_dir(&self, dir: &Path) -> Option<String> {
        self.index
            .envs
            .iter()
            .find(|(n, e)| same_dir(&self.registry.dir_of(n, e), dir))
            .map(|(n, _)| n.clone())
    }

    /// True when `name` can be given to a new environment (see [`Locked::check_free`]).
    pub fn is_free(&self, name: &str) -> bool {
        self.check_free(name).is_ok()
    }

    /// Register the venv `found` in place as `name` (unmanaged); nothing on
    /// disk changes. A directory that is registered already is left alone.
    pub fn adopt(&mut self, name: &str, found: &Found) -> Result<Adopted> {
        if let Some(existing) = self.name_of_dir(&found.dir) {
            return Ok(Adopted::Already(existing));
        }
        let envs = self.registry.home.envs_dir();
        if same_dir(&found.dir, &envs) || found.dir.starts_with(&envs) {
            bail!(hinted(
                format!(
                    "{} is inside envreg's own envs folder but is not a registered environment",
                    found.dir.display()
                ),
                "envreg registers what it builds there by itself; adopt venvs from elsewhere"
            ));
        }
        self.check_free(name)?;
        self.index
            .envs
            .insert(name.to_string(), found.entry.clone());
        if let Err(err) = self.save() {
            self.index.envs.remove(name);
            return Err(err.context(format!("'{name}' was not registered")));
        }
        crate::crash_point!("adopt.committed");
        Ok(Adopted::New(name.to_string()))
    }

    /// Begin moving the unmanaged environment `name` into `envs/NAME`: a
    /// staging directory (see [`move_in`]).
    pub fn stage_move_in(&self, name: &str) -> Result<(Staging, Entry)> {
        let entry = Registry::get(&self.index, name)?.clone();
        if entry.managed {
            bail!("'{name}' is already in envreg's envs folder");
        }
        // envs/NAME: free on disk (the name itself is ours already).
        let dest = self.registry.env_dir(name);
        if dest.symlink_metadata().is_ok() {
            bail!(hinted(
                format!("{} exists already", dest.display()),
                "move it away, or import under another name"
            ));
        }
        let staging = Staging::begin(&self.registry.home.envs_dir(), name)?;
        Ok((staging, entry))
    }

    /// Commit a move-in: the copy in `staging` becomes `envs/NAME`, the entry
    /// becomes managed, the index is saved; then the old directory is marked
    /// moved. Returns the old directory, to delete with [`delete_moved`].
    pub fn commit_move_in(
        &mut self,
        name: &str,
        staging: Staging,
        expected: &Entry,
    ) -> Result<PathBuf> {
        let Some(entry) = self.index.envs.get(name).cloned() else {
            bail!("'{name}' was removed while it was being copied; nothing was moved");
        };
        if entry.path != expected.path || entry.managed {
            bail!("'{name}' was changed while it was being copied; nothing was moved (retry)");
        }
        let dest = self.registry.env_dir(name);
        if dest.symlink_metadata().is_ok() {
            bail!("{} appeared meanwhile; nothing was moved", dest.display());
        }
        staging.commit(&dest)?;
        crate::crash_point!("import.renamed");
        // The old directory says where it went before the commit: once the
        // index names the copy, the next `import` deletes what is left.
        let mark_path = expected.path.join(MOVED);
        let mut mark = dest.as_os_str().as_encoded_bytes().to_vec();
        mark.extend_from_slice(
            b"\nenvreg: this venv was moved there by 'envreg import --move'; once that \
              directory is registered, the next 'envreg import' deletes this old copy\n",
        );
        let _ = fs::write(&mark_path, mark);
        let mut moved = entry.clone();
        moved.managed = true;
        moved.path = dest.clone();
        self.index.envs.insert(name.to_string(), moved);
        if let Err(err) = self.save() {
            self.index.envs.insert(name.to_string(), entry);
            let _ = fs::remove_file(&mark_path);
            if let Ok(trash) = Trash::take(&self.registry.home.envs_dir(), &dest, name) {
                trash.delete();
            }
            return Err(err.context("nothing was moved"));
        }
        crate::crash_point!("import.committed");
        let _ = fs::remove_file(dest.join(UNCOMMITTED));
        Ok(expected.path.clone())
    }
}

/// Copy the venv `src` into `staging` with every path rewritten to `new`.
pub fn copy_in(
    registry: &Registry,
    src: &Path,
    staging: &Path,
    new: &Path,
    name: &str,
    prompt: Option<&str>,
) -> Result<clone::Stats> {
    let old_name = src
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    clone::prepare(
        src,
        staging,
        src,
        new,
        &old_name,
        name,
        prompt,
        &registry.home().cache_dir(),
    )
}

/// The directory of the registered copy a moved venv's mark names.
pub fn moved_to(dir: &Path) -> Option<PathBuf> {
    let bytes = fs::read(dir.join(MOVED)).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let first = text.lines().next()?;
    Path::new(first).is_absolute().then(|| first.into())
}

/// Delete the old directory of a venv moved into `envs/`: only a real
/// directory (not a link) that is a venv, and never one holding the home.
pub fn delete_moved(registry: &Registry, dir: &Path) -> Result<()> {
    delete_foreign(registry, dir)
}

/// Delete `dir`, a venv envreg did not build, after checking it is one: a
/// directory (not a symbolic link) with a pyvenv.cfg, that holds neither
/// the home nor envreg's envs folder.
pub fn delete_foreign(registry: &Registry, dir: &Path) -> Result<()> {
    let meta = dir
        .symlink_metadata()
        .with_context(|| format!("cannot read {}", dir.display()))?;
    if !meta.is_dir() || !dir.is_absolute() {
        bail!(
            "{} is not a directory (a link or a file); it was not deleted",
            dir.display()
        );
    }
    if !is_venv(dir) {
        bail!(
            "{} has no pyvenv.cfg, so it is not a venv; it was not deleted",
            dir.display()
        );
    }
    let home = registry.home().envs_dir();
    let home = home.parent().unwrap_or(&home);
    let home = home.canonicalize().unwrap_or(home.to_path_buf());
    if let Ok(canon) = dir.canonicalize()
        && home.starts_with(&canon)
    {
        bail!("{} holds envreg's home; it was not deleted", dir.display());
    }
    fs::remove_dir_all(dir).with_context(|| format!("cannot delete {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_valid_names() {
        assert_eq!(suggest_valid("my env").as_deref(), Some("my-env"));
        assert_eq!(suggest_valid("a/b c").as_deref(), Some("a-b-c"));
        assert_eq!(suggest_valid(".hidden").as_deref(), Some("hidden"));
        assert_eq!(suggest_valid("café").as_deref(), Some("caf"));
        assert_eq!(suggest_valid("con").as_deref(), Some("con-env"));
        assert_eq!(suggest_valid("   "), None);
        let long = "x".repeat(80);
        assert_eq!(suggest_valid(&long).unwrap().len(), 64);
    }

    #[test]
    fn default_names() {
        assert_eq!(default_name(Path::new("/src/api/.venv")), "api");
        assert_eq!(default_name(Path::new("/src/api/venv")), "api");
        assert_eq!(default_name(Path::new("/w/tools")), "tools");
    }

    #[test]
    fn refuses_what_is_not_a_venv() {
        let d = tempfile::tempdir().unwrap();
        let missing = inspect(&d.path().join("nope"), true).unwrap_err();
        assert!(missing.0.contains("does not exist"), "{missing}");
        fs::write(d.path().join("f"), "").unwrap();
        let file = inspect(&d.path().join("f"), true).unwrap_err();
        assert!(file.0.contains("is a file"), "{file}");
        let plain = inspect(d.path(), true).unwrap_err();
        assert!(plain.0.contains("no pyvenv.cfg"), "{plain}");
        fs::write(
            d.path().join("pyvenv.cfg"),
            "home = /nowhere\nversion = 3.9.1\n",
        )
        .unwrap();
        let nopy = inspect(d.path(), true).unwrap_err();
        assert!(nopy.0.contains("no bin/python"), "{nopy}");
        let found = inspect(d.path(), false).unwrap();
        assert!(found.broken.is_some());
        assert_eq!(found.entry.python.version, "3.9.1");
        assert!(!found.entry.managed);
    }
}
