//! Finding interpreter candidates without running them: names on `PATH`,
//! pyenv's `versions/`, uv-managed Pythons. Only directory listings and stats;
//! the caller queries the few candidates it needs.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::request::{Implementation, VersionRequest, parse_numbers, parse_version_request};

/// An executable that may satisfy a request.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub path: PathBuf,
    /// What its name (or its install directory's) says, before querying.
    pub hint: VersionRequest,
    /// Where it was found.
    pub source: Origin,
}

/// The places interpreters are looked for, in search order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub enum Origin {
    #[serde(rename = "PATH")]
    Path,
    #[serde(rename = "pyenv")]
    Pyenv,
    #[serde(rename = "uv")]
    Uv,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Origin::Path => "PATH",
            Origin::Pyenv => "pyenv",
            Origin::Uv => "uv",
        })
    }
}

/// Candidates for `req` (None: every interpreter found, for error messages),
/// in search order: PATH, pyenv, uv. Files that are scripts (pyenv shims) are
/// left out: the real interpreters behind them are found in pyenv's versions.
/// The same file reached by several names is listed once, at its first place,
/// with the most specific hint among its names.
pub fn candidates(req: Option<&VersionRequest>) -> Vec<Candidate> {
    let mut found = Vec::new();
    for dir in path_dirs() {
        scan_path_dir(&dir, &mut found);
    }
    if let Some(root) = pyenv_versions_dir() {
        scan_managed(&root, parse_pyenv_dir, Origin::Pyenv, &mut found);
    }
    if let Some(root) = uv_python_dir() {
        scan_managed(&root, parse_uv_dir, Origin::Uv, &mut found);
    }
    let found = found
        .into_iter()
        .filter(|c| req.is_none_or(|r| c.hint.compatible(r)));
    dedupe(found)
}

fn dedupe(found: impl Iterator<Item = Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen: HashMap<PathBuf, usize> = HashMap::new();
    for candidate in found {
        let Ok(canonical) = fs::canonicalize(&candidate.path) else {
            continue;
        };
        match seen.get(&canonical) {
            Some(&i) => {
                let kept = &mut out[i];
                if candidate.hint.specificity() > kept.hint.specificity() {
                    kept.hint = candidate.hint;
                }
            }
            None => {
                seen.insert(canonical, out.len());
                out.push(candidate);
            }
        }
    }
    out
}

/// The absolute directories of `PATH`, in order.
pub fn path_dirs() -> Vec<PathBuf> {
    std::env::var_os("PATH")
        .map(|p| {
            std::env::split_paths(&p)
                .filter(|d| d.is_absolute())
                .collect()
        })
        .unwrap_or_default()
}

/// The first executable file called `name` on PATH, as the shell would find it.
pub fn which(name: &str) -> Option<PathBuf> {
    let file = OsString::from(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    path_dirs()
        .into_iter()
        .map(|dir| dir.join(&file))
        .find(|p| is_executable_file(p))
}

fn scan_path_dir(dir: &Path, found: &mut Vec<Candidate>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut here: Vec<(String, VersionRequest)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let hint = parse_exe_name(&name)?;
            Some((name, hint))
        })
        .collect();
    // Directory order is arbitrary; sort so results do not depend on it.
    here.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, hint) in here {
        let path = dir.join(&name);
        if is_executable_file(&path) && !is_script(&path) {
            found.push(Candidate {
                path,
                hint,
                source: Origin::Path,
            });
        }
    }
}

/// `python`, `python3`, `python3.12`, `python3.13t`, `pypy3.9` (plus the
/// platform's executable suffix); anything else (`python3-config`) is None.
pub fn parse_exe_name(name: &str) -> Option<VersionRequest> {
    let name = name.strip_suffix(std::env::consts::EXE_SUFFIX)?;
    if !(name.starts_with("python") || name.starts_with("pypy")) {
        return None;
    }
    parse_version_request(name).filter(|named| named.micro.is_none())
}

/// The leading `X[.Y[.Z]]` of `text` and what follows it.
fn leading_version(text: &str) -> Option<(Vec<u32>, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let numbers = text[..end].trim_end_matches('.');
    let parts = parse_numbers(numbers)?;
    (1..=3)
        .contains(&parts.len())
        .then_some((parts, &text[numbers.len()..]))
}

/// pyenv version directories: `3.12.1`, `3.13.0t`, `3.13.0rc1`, `pypy3.9-7.3.11`.
/// Other names (virtualenvs, conda, graalpy) are not version requests' business.
fn parse_pyenv_dir(name: &str) -> Option<VersionRequest> {
    let (implementation, rest) = match name.strip_prefix("pypy") {
        Some(rest) => (Implementation::PyPy, rest),
        None => (Implementation::CPython, name),
    };
    let (parts, suffix) = leading_version(rest)?;
    let suffix_ok = suffix.is_empty()
        || suffix == "t"
        || suffix.starts_with('-')
        || suffix.starts_with("rc")
        || suffix.starts_with('a')
        || suffix.starts_with('b');
    if !suffix_ok || (implementation == Implementation::PyPy && parts.len() > 2) {
        return None;
    }
    Some(VersionRequest::from_parts(
        implementation,
        &parts,
        implementation == Implementation::CPython && suffix.ends_with('t'),
    ))
}

/// uv install directories: `cpython-3.12.1-linux-x86_64-gnu`,
/// `cpython-3.13.0+freethreaded-linux-…`, `pypy-3.9.19-linux-…`.
fn parse_uv_dir(name: &str) -> Option<VersionRequest> {
    let (implementation, rest) = name.split_once('-')?;
    let implementation = match implementation {
        "cpython" => Implementation::CPython,
        "pypy" => Implementation::PyPy,
        _ => return None,
    };
    let version = rest.split('-').next()?;
    let (numbers, variant) = version.split_once('+').unwrap_or((version, ""));
    let (parts, suffix) = leading_version(numbers)?;
    if !(suffix.is_empty()
        || suffix.starts_with("rc")
        || suffix.starts_with('a')
        || suffix.starts_with('b'))
    {
        return None;
    }
    Some(VersionRequest::from_parts(
        implementation,
        &parts,
        variant.split('+').any(|v| v == "freethreaded"),
    ))
}

/// Every parseable install under `root` (pyenv or uv), with its executable.
fn scan_managed(
    root: &Path,
    parse: fn(&str) -> Option<VersionRequest>,
    source: Origin,
    found: &mut Vec<Candidate>,
) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    let mut installs: Vec<(String, VersionRequest)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            Some((name.clone(), parse(&name)?))
        })
        .collect();
    installs.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, hint) in installs {
        let bin = if cfg!(windows) {
            root.join(&name)
        } else {
            root.join(&name).join("bin")
        };
        if let Some(path) = exe_names(&hint)
            .into_iter()
            .map(|n| bin.join(format!("{n}{}", std::env::consts::EXE_SUFFIX)))
            .find(|p| is_executable_file(p))
        {
            found.push(Candidate { path, hint, source });
        }
    }
}

/// The names to try in an install's bin directory, most specific first.
fn exe_names(hint: &VersionRequest) -> Vec<String> {
    let stem = if hint.implementation == Implementation::PyPy {
        "pypy"
    } else {
        "python"
    };
    let mut names = Vec::new();
    if let (Some(major), Some(minor)) = (hint.major, hint.minor) {
        if hint.free_threaded {
            names.push(format!("{stem}{major}.{minor}t"));
        }
        names.push(format!("{stem}{major}.{minor}"));
    }
    if let Some(major) = hint.major {
        names.push(format!("{stem}{major}"));
    }
    names.push(stem.to_string());
    if stem != "python" {
        names.push("python".to_string());
    }
    names
}

/// The `ensurepip/_bundled` directories of every interpreter found (PATH,
/// pyenv, uv), judged from where each executable lives: no process runs.
pub fn bundled_wheel_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    for candidate in candidates(None) {
        let Ok(exe) = fs::canonicalize(&candidate.path) else {
            continue;
        };
        let Some(bin) = exe.parent() else { continue };
        let found: Vec<PathBuf> = if cfg!(windows) {
            vec![bin.join("Lib").join("ensurepip").join("_bundled")]
        } else {
            let Some(prefix) = bin.parent() else { continue };
            let lib = prefix.join("lib");
            let Ok(entries) = fs::read_dir(&lib) else {
                continue;
            };
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .filter(|e| {
                    e.file_name()
                        .to_str()
                        .is_some_and(|n| n.starts_with("python") || n.starts_with("pypy"))
                })
                .map(|e| e.path().join("ensurepip").join("_bundled"))
                .collect();
            found.sort();
            found
        };
        for dir in found {
            if dir.is_dir() && !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
    }
    dirs
}

/// `$PYENV_ROOT/versions`, else `~/.pyenv/versions`.
pub fn pyenv_versions_dir() -> Option<PathBuf> {
    let root = std::env::var_os("PYENV_ROOT")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::home_dir().map(|h| h.join(".pyenv")))?;
    Some(root.join("versions"))
}

/// `$UV_PYTHON_INSTALL_DIR`, else `$XDG_DATA_HOME/uv/python`, else
/// `~/.local/share/uv/python` (Windows: `%APPDATA%\uv\data\python`).
pub fn uv_python_dir() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = var("UV_PYTHON_INSTALL_DIR") {
        return Some(dir);
    }
    if cfg!(windows) {
        return var("APPDATA").map(|d| d.join("uv").join("data").join("python"));
    }
    var("XDG_DATA_HOME")
        .filter(|d| d.is_absolute())
        .or_else(|| std::env::home_dir().map(|h| h.join(".local").join("share")))
        .map(|d| d.join("uv").join("python"))
}

/// A regular file (after symlinks) that we may execute.
pub fn is_executable_file(path: &Path) -> bool {
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// A `#!` script: a pyenv (or asdf, …) shim, not an interpreter binary.
pub fn is_script(path: &Path) -> bool {
    let mut head = [0u8; 2];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"#!")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::request::tests::version as hint;

    #[test]
    fn executable_names() {
        let any = Implementation::Any;
        let pypy = Implementation::PyPy;
        let s = std::env::consts::EXE_SUFFIX;
        let cases = [
            ("python", Some(hint(any, None, None, None, false))),
            ("python3", Some(hint(any, Some(3), None, None, false))),
            (
                "python3.12",
                Some(hint(any, Some(3), Some(12), None, false)),
            ),
            (
                "python3.13t",
                Some(hint(any, Some(3), Some(13), None, true)),
            ),
            ("pypy3.9", Some(hint(pypy, Some(3), Some(9), None, false))),
            ("pypy3", Some(hint(pypy, Some(3), None, None, false))),
            ("python3-config", None),
            ("python3.11-config", None),
            ("python3.12.1", None),
            ("python3t", None),
            ("pythonw", None),
            ("pypy3clean", None),
        ];
        for (name, want) in cases {
            assert_eq!(parse_exe_name(&format!("{name}{s}")), want, "{name}");
        }
    }

    #[test]
    fn pyenv_and_uv_directory_names() {
        let c = Implementation::CPython;
        let pypy = Implementation::PyPy;
        assert_eq!(
            parse_pyenv_dir("3.12.1"),
            Some(hint(c, Some(3), Some(12), Some(1), false))
        );
        assert_eq!(
            parse_pyenv_dir("3.13.0t"),
            Some(hint(c, Some(3), Some(13), Some(0), true))
        );
        assert_eq!(
            parse_pyenv_dir("3.13.0rc1"),
            Some(hint(c, Some(3), Some(13), Some(0), false))
        );
        assert_eq!(
            parse_pyenv_dir("3.14-dev"),
            Some(hint(c, Some(3), Some(14), None, false))
        );
        assert_eq!(
            parse_pyenv_dir("pypy3.9-7.3.11"),
            Some(hint(pypy, Some(3), Some(9), None, false))
        );
        assert_eq!(parse_pyenv_dir("miniconda3-latest"), None);
        assert_eq!(parse_pyenv_dir("myproject"), None);
        assert_eq!(parse_pyenv_dir("3.12.1x"), None);

        assert_eq!(
            parse_uv_dir("cpython-3.12.1-linux-x86_64-gnu"),
            Some(hint(c, Some(3), Some(12), Some(1), false))
        );
        assert_eq!(
            parse_uv_dir("cpython-3.13.0+freethreaded-linux-x86_64-gnu"),
            Some(hint(c, Some(3), Some(13), Some(0), true))
        );
        assert_eq!(
            parse_uv_dir("pypy-3.9.19-linux-x86_64-gnu"),
            Some(hint(pypy, Some(3), Some(9), Some(19), false))
        );
        assert_eq!(parse_uv_dir("graalpy-24.0.0-linux-x86_64-gnu"), None);
        assert_eq!(parse_uv_dir(".lock"), None);
    }

    #[test]
    fn hints_filter_and_order_candidates() {
        let req = |t: &str| parse_version_request(t).unwrap();
        let python3 = parse_exe_name(&format!("python3{}", std::env::consts::EXE_SUFFIX)).unwrap();
        let v312 = parse_pyenv_dir("3.12.1").unwrap();
        let ft = parse_pyenv_dir("3.13.0t").unwrap();
        let pypy = parse_pyenv_dir("pypy3.9-7.3.11").unwrap();
        assert!(python3.compatible(&req("3.12")));
        assert!(!python3.compatible(&req("2.7")));
        assert!(!python3.compatible(&req("pypy3")));
        assert!(v312.compatible(&req("3")));
        assert!(v312.compatible(&req("cpython3.12.1")));
        assert!(!v312.compatible(&req("3.12.2")));
        assert!(!ft.compatible(&req("3.13")));
        assert!(ft.compatible(&req("3.13t")));
        assert!(pypy.compatible(&req("pypy3.9")));
        assert!(!pypy.compatible(&req("3.9")));
        assert!(python3.upper_bound() > v312.upper_bound());
        assert!(parse_pyenv_dir("3.13.0").unwrap().upper_bound() > v312.upper_bound());
    }

    #[test]
    fn exe_names_go_from_specific_to_generic() {
        assert_eq!(
            exe_names(&parse_pyenv_dir("3.13.0t").unwrap()),
            ["python3.13t", "python3.13", "python3", "python"]
        );
        assert_eq!(
            exe_names(&parse_pyenv_dir("pypy3.9-7.3.11").unwrap()),
            ["pypy3.9", "pypy3", "pypy", "python"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn scripts_are_told_from_binaries() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("shim");
        std::fs::write(&script, "#!/bin/sh\nexit 0\n").unwrap();
        let binary = dir.path().join("bin");
        std::fs::write(&binary, b"\x7fELF....").unwrap();
        assert!(is_script(&script));
        assert!(!is_script(&binary));
        assert!(!is_script(&dir.path().join("missing")));
    }
}
