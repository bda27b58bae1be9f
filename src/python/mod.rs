//! Finding and querying Python interpreters.
//!
//! `find` resolves a `-p` request (a path, a command name, or a version such as
//! `3.12`) to a base interpreter, queries it once with a short script and caches
//! the answer under `cache/interpreters/`.
//!
//! Search order for a version: `PATH`, pyenv's `versions/`, uv-managed
//! Pythons; the newest matching version wins, and among equal versions the
//! earlier place. Names are only stat-ed; candidates are queried newest-first
//! until no remaining name can beat the best match (and queries are cached).

mod cache;
mod discover;
mod pyenv;
mod query;
mod request;

use std::cmp::Reverse;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::errors::{Hinted, hinted};

use request::{Request, VersionRequest};

/// What envreg needs to know about a base interpreter to build a venv on it,
/// as the query script reports it (see [`query::Answer`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interpreter {
    /// The real base executable a venv's `bin/python` links to: never a pyenv
    /// shim, never another venv's python (`sys._base_executable`, its
    /// same-directory aliases followed).
    pub executable: PathBuf,
    /// `sys.base_prefix`; pyvenv.cfg `home` is the executable's directory.
    pub base_prefix: PathBuf,
    /// (major, minor, micro).
    pub version: (u32, u32, u32),
    /// Full version string, e.g. "3.12.1" or "3.13.0rc1".
    pub version_string: String,
    /// `sys.implementation.name` as written in pyvenv.cfg: "CPython", "PyPy", ...
    pub implementation: String,
    /// `sys.platform` ("linux" for every `linux*`).
    pub platform: Platform,
    /// `sysconfig.get_path("stdlib")`: where `ensurepip/_bundled` lives.
    pub stdlib: PathBuf,
    /// The sysconfig variable WHEEL_PKG_DIR, if a distribution set it.
    pub wheel_pkg_dir: Option<PathBuf>,
    /// The venv scheme's paths relative to the env root, '/'-separated:
    /// purelib ("lib/python3.12/site-packages"), platlib, scripts ("bin").
    pub purelib: String,
    pub platlib: String,
    pub scripts: String,
    /// Free-threaded build (sysconfig Py_GIL_DISABLED).
    pub gil_disabled: bool,
    /// 8 on 64-bit builds.
    pub pointer_size: u32,
}

/// The operating system an interpreter runs on, from `sys.platform`, which
/// it is read from and written back as ("linux", "darwin", "win32", ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Platform {
    Linux,
    Darwin,
    Windows,
    /// Any other POSIX system, by its `sys.platform` ("freebsd14", "cygwin").
    Other(String),
}

impl From<String> for Platform {
    fn from(name: String) -> Platform {
        match name.as_str() {
            "linux" => Platform::Linux,
            "darwin" => Platform::Darwin,
            "win32" => Platform::Windows,
            _ => Platform::Other(name),
        }
    }
}

impl From<Platform> for String {
    fn from(platform: Platform) -> String {
        platform.to_string()
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Platform::Linux => "linux",
            Platform::Darwin => "darwin",
            Platform::Windows => "win32",
            Platform::Other(name) => name,
        })
    }
}

pub use discover::Origin;
pub use discover::is_executable_file;
pub use pyenv::resolve_shim as resolve_pyenv_shim;

/// One interpreter `envreg python ls` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    /// Where it was found.
    pub source: Origin,
    /// The name it was found under (PATH) or its install's executable.
    pub path: PathBuf,
    pub implementation: String,
    pub version: String,
    pub free_threaded: bool,
    /// The real base executable a venv would be built on.
    pub executable: PathBuf,
}

/// Every interpreter envreg would find, by place (PATH, pyenv, uv) and
/// newest first,
/// each real executable once; candidates that fail to answer the query are
/// left out. Queries go through the cache.
pub fn list(cache_dir: &Path) -> Vec<Listed> {
    let mut out: Vec<(Listed, (u32, u32, u32))> = Vec::new();
    for candidate in discover::candidates(None) {
        let Ok(interp) = interpreter_at(&candidate.path, cache_dir) else {
            continue;
        };
        if out.iter().any(|(l, _)| l.executable == interp.executable) {
            continue;
        }
        let listed = Listed {
            source: candidate.source,
            path: candidate.path,
            implementation: interp.implementation,
            version: interp.version_string,
            free_threaded: interp.gil_disabled,
            executable: interp.executable,
        };
        out.push((listed, interp.version));
    }
    // By place, then newest first (PATH keeps its own order among equals).
    out.sort_by_key(|(l, version)| (l.source, Reverse(*version)));
    out.into_iter().map(|(l, _)| l).collect()
}

/// The `ensurepip/_bundled` directories of the interpreters envreg can find,
/// for seeding pip into an interpreter that bundles none (PyPy).
pub fn bundled_wheel_dirs() -> Vec<PathBuf> {
    discover::bundled_wheel_dirs()
}

/// The version of the interpreter at `exe` without running it: from the
/// query cache when it holds a current answer for it, else from a version
/// in its path (pyenv's `versions/3.12.1`, uv's `cpython-3.12.1-…`).
/// `None` when neither tells; see [`minor_from_layout`] for a weaker guess.
pub fn known_version(exe: &Path, cache_dir: &Path) -> Option<(u32, u32, u32)> {
    if let Some(stamp) = cache::Stamp::of(exe)
        && let Some(answer) = cache::load(cache_dir, &stamp)
    {
        return Some(answer.interpreter.version);
    }
    let canonical = std::fs::canonicalize(exe).ok();
    for path in [Some(exe), canonical.as_deref()].into_iter().flatten() {
        for comp in path.components().rev().skip(1) {
            if let Some(v) = triple_in(&comp.as_os_str().to_string_lossy()) {
                return Some(v);
            }
        }
    }
    None
}

/// The (major, minor) of the interpreter at `exe` from its file name
/// (`python3.12`) or its installation's `lib/pythonX.Y` directory.
pub fn minor_from_layout(exe: &Path) -> Option<(u32, u32)> {
    let canonical = std::fs::canonicalize(exe).ok()?;
    let pair = |text: &str| -> Option<(u32, u32)> {
        let rest = text.strip_prefix("python")?;
        let rest = rest.trim_end_matches(['t', 'm']);
        let (a, b) = rest.split_once('.')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    };
    for path in [exe, canonical.as_path()] {
        if let Some(v) = path.file_name().and_then(|n| pair(&n.to_string_lossy())) {
            return Some(v);
        }
    }
    let lib = canonical.parent()?.parent()?.join("lib");
    let mut found: Vec<(u32, u32)> = std::fs::read_dir(lib)
        .ok()?
        .flatten()
        .filter(|e| e.path().join("os.py").is_file())
        .filter_map(|e| pair(&e.file_name().to_string_lossy()))
        .collect();
    found.sort();
    found.dedup();
    (found.len() == 1).then(|| found[0])
}

/// The first `X.Y.Z` (digits) in `text`, e.g. in "cpython-3.12.1-linux".
fn triple_in(text: &str) -> Option<(u32, u32, u32)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let rest = &text[i..];
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let parts: Vec<&str> = rest[..end].split('.').collect();
            if parts.len() >= 3
                && let (Ok(a), Ok(b), Ok(c)) =
                    (parts[0].parse(), parts[1].parse(), parts[2].parse())
            {
                return Some((a, b, c));
            }
            i += end.max(1);
        } else {
            i += 1;
        }
    }
    None
}

/// Resolve `request` (None: the default interpreter) to a queried interpreter.
/// Errors name the request and list the interpreters that were found.
///
/// `request` is a path (it contains a separator or starts with `~` or `.`),
/// a command looked up on `PATH` (`python3`, `python3.12`, `pypy3`; a versioned
/// name that is only a pyenv shim there, or is missing, falls back to the
/// version search), or a version (`3`, `3.12`, `3.12.1`, `3.13t`,
/// `cpython3.12`, `pypy3.9`). None means `python3`, then `python`, on `PATH`.
pub fn find(request: Option<&str>, cache_dir: &Path) -> Result<Interpreter> {
    let parsed = match request {
        None => Request::Default,
        Some(text) => Request::parse(text)?,
    };
    match parsed {
        Request::Default => {
            for name in ["python3", "python"] {
                if let Some(path) = discover::which(name) {
                    return at_path(&path, cache_dir).map_err(|err| {
                        hinted(
                            format!("the default Python ({name} on PATH) is unusable"),
                            "pass another one with -p (a version like 3.12, or a path)",
                        )
                        .because(err)
                        .into()
                    });
                }
            }
            search(&VersionRequest::any(), "python3", cache_dir)
        }
        Request::Path(path) => at_path(&expand_tilde(&path)?, cache_dir),
        Request::Command { name, version } => {
            let versioned = version.is_some_and(|v| v.minor.is_some());
            if let Some(path) = discover::which(&name) {
                // A versioned shim (`python3.12`) fails unless pyenv has that
                // version active; the version search finds the real binary.
                if !(versioned && discover::is_script(&path)) {
                    return at_path(&path, cache_dir);
                }
            }
            match version {
                Some(version) => search(&version, &name, cache_dir),
                None => bail!(hinted(
                    format!("no command '{name}' found on PATH, and it is not a version either"),
                    format!("-p accepts {}", request::ACCEPTED_FORMS)
                )),
            }
        }
        Request::Version(version) => search(&version, request.unwrap_or_default(), cache_dir),
    }
}

/// Query the interpreter at `path` (through the cache). A venv's root
/// directory stands for its python; a pyenv shim is seen through when the
/// version it would pick is plain (else it is run, and not cached).
fn at_path(path: &Path, cache_dir: &Path) -> Result<Interpreter> {
    let mut path = std::path::absolute(path)
        .with_context(|| format!("could not make {} absolute", path.display()))?;
    if path.is_dir() {
        let inner = if cfg!(windows) {
            path.join("Scripts").join("python.exe")
        } else {
            path.join("bin").join("python")
        };
        if !inner.exists() {
            bail!(hinted(
                format!(
                    "{} is a directory, not a Python interpreter",
                    display_path(&path)
                ),
                "pass the interpreter itself (e.g. .../bin/python3)"
            ));
        }
        path = inner;
    }
    match std::fs::metadata(&path) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => bail!(hinted(
            format!("Python interpreter {} does not exist", display_path(&path)),
            "check the path given with -p"
        )),
        Err(err) => bail!("cannot inspect {}: {err}", display_path(&path)),
        Ok(meta) if !meta.is_file() => bail!(hinted(
            format!("{} is not a file", display_path(&path)),
            "pass the path of a Python interpreter with -p"
        )),
        Ok(_) if !discover::is_executable_file(&path) => bail!(hinted(
            format!("{} is not executable", display_path(&path)),
            "pass the path of a Python interpreter with -p"
        )),
        Ok(_) => {}
    }
    let path = pyenv::resolve_shim(&path).unwrap_or(path);
    interpreter_at(&path, cache_dir)
}

/// The checked interpreter invoked as `path` (absolute), through the cache.
fn interpreter_at(path: &Path, cache_dir: &Path) -> Result<Interpreter> {
    query_cached(path, cache_dir)?.into_interpreter()
}

/// The query's answer for the interpreter invoked as `path` (absolute). A
/// cache hit runs no process. A result is never stored under a shim's path
/// (a file other than the one that ran): it is stored under what really ran.
fn query_cached(path: &Path, cache_dir: &Path) -> Result<query::Answer> {
    let stamp = cache::Stamp::of(path);
    if let Some(hit) = stamp.as_ref().and_then(|s| cache::load(cache_dir, s)) {
        return Ok(hit);
    }
    let answer = query::run(path)?;
    if let (Some(stamp), Some(ran)) = (stamp, cache::Stamp::of(&answer.ran)) {
        if ran.canonical == stamp.canonical {
            cache::store(cache_dir, &stamp, &answer);
        } else {
            cache::store(cache_dir, &ran, &answer);
        }
    }
    Ok(answer)
}

/// The newest interpreter matching `req`, or an error listing what exists.
fn search(req: &VersionRequest, label: &str, cache_dir: &Path) -> Result<Interpreter> {
    let mut candidates: Vec<(usize, discover::Candidate)> = discover::candidates(Some(req))
        .into_iter()
        .enumerate()
        .collect();
    // Newest possible first; the sort is stable, so search order breaks ties.
    candidates.sort_by_key(|(_, c)| Reverse(c.hint.upper_bound()));
    let mut best: Option<(RankKey, usize, Interpreter)> = None;
    for (order, candidate) in candidates {
        if let Some((key, best_order, _)) = &best {
            let bound = (candidate.hint.upper_bound(), true);
            if bound < *key {
                break;
            }
            if bound == *key && order >= *best_order {
                continue;
            }
        }
        let Ok(interp) = interpreter_at(&candidate.path, cache_dir) else {
            continue;
        };
        if !req.matches(&interp) {
            continue;
        }
        let key = rank_key(&interp);
        let better = match &best {
            None => true,
            Some((best_key, best_order, _)) => {
                key > *best_key || (key == *best_key && order < *best_order)
            }
        };
        if better {
            best = Some((key, order, interp));
        }
    }
    match best {
        Some((_, _, interp)) => Ok(interp),
        None => Err(not_found_message(label, req, cache_dir).into()),
    }
}

/// Version, then final releases above pre-releases of the same version.
type RankKey = ((u32, u32, u32), bool);

fn rank_key(interp: &Interpreter) -> RankKey {
    let is_final = interp
        .version_string
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.');
    (interp.version, is_final)
}

/// How far `interp` is from `req`: another implementation or threading
/// first, then the difference in major, minor and micro version.
type Distance = (bool, bool, u32, u32, u32);

fn distance(req: &VersionRequest, interp: &Interpreter) -> Distance {
    let other_implementation = match req.implementation {
        request::Implementation::Any => false,
        request::Implementation::CPython => !interp.implementation.eq_ignore_ascii_case("cpython"),
        request::Implementation::PyPy => !interp.implementation.eq_ignore_ascii_case("pypy"),
    };
    let (major, minor, micro) = interp.version;
    let off = |want: Option<u32>, have: u32| want.map_or(0, |w| w.abs_diff(have));
    (
        other_implementation,
        req.free_threaded != interp.gil_disabled,
        off(req.major, major),
        off(req.minor, minor),
        off(req.micro, micro),
    )
}

fn not_found_message(label: &str, req: &VersionRequest, cache_dir: &Path) -> Hinted {
    let mut found: Vec<((Distance, Reverse<RankKey>), String, PathBuf)> = Vec::new();
    for candidate in discover::candidates(None) {
        let Ok(interp) = interpreter_at(&candidate.path, cache_dir) else {
            continue;
        };
        if found.iter().any(|(_, _, exe)| *exe == interp.executable) {
            continue;
        }
        let mut name = interp.version_string.clone();
        if interp.gil_disabled {
            name.push_str(" free-threaded");
        }
        if !interp.implementation.eq_ignore_ascii_case("cpython") {
            name = format!("{} {name}", interp.implementation);
        }
        found.push((
            (distance(req, &interp), Reverse(rank_key(&interp))),
            name,
            interp.executable,
        ));
    }
    // The three closest to the request, newest first among equals.
    found.sort_by_key(|entry| entry.0);
    let listing = if found.is_empty() {
        "none".to_string()
    } else {
        found
            .iter()
            .take(3)
            .map(|(_, name, exe)| format!("{name} ({})", display_path(exe)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let places = [
        Some("PATH".to_string()),
        discover::pyenv_versions_dir().map(|d| format!("pyenv ({})", display_path(&d))),
        discover::uv_python_dir().map(|d| format!("uv ({})", display_path(&d))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    hinted(
        format!("no Python matching '{label}' found\n  looked in: {places}\n  closest: {listing}"),
        format!(
            "install it (`uv python install {req}` or `pyenv install {req}`), or pass an \
             interpreter's path with -p"
        ),
    )
}

/// `~` and `~/…` name the home directory; `~user` is not supported.
fn expand_tilde(path: &Path) -> Result<PathBuf> {
    let Some(text) = path.to_str() else {
        return Ok(path.to_path_buf());
    };
    let rest = if text == "~" {
        ""
    } else if let Some(rest) = text.strip_prefix("~/") {
        rest
    } else if text.starts_with('~') {
        bail!(hinted(
            format!("'{text}': only ~/ is expanded (not ~user)"),
            "pass the full path with -p"
        ));
    } else {
        return Ok(path.to_path_buf());
    };
    let home = std::env::home_dir().context("cannot expand ~: no home directory is known")?;
    Ok(home.join(rest))
}

/// `path` with the home directory shown as `~`, for messages.
pub(crate) fn display_path(path: &Path) -> String {
    if let Some(home) = std::env::home_dir().filter(|h| h.is_absolute() && h.parent().is_some())
        && let Ok(rest) = path.strip_prefix(&home)
    {
        return Path::new("~").join(rest).display().to_string();
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests;
