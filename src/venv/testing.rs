//! Test helpers: real pyenv interpreters and real shells, skipped with a
//! message when absent, and failing instead when CI=true.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::python::Interpreter;

/// Skip (return None after saying why), or panic under CI=true.
pub fn skip<T>(reason: &str) -> Option<T> {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true and a test needs something absent: {reason}");
    }
    eprintln!("skipped: {reason}");
    None
}

/// `$PYENV_ROOT` or `~/.pyenv`.
pub fn pyenv_root() -> PathBuf {
    match std::env::var_os("PYENV_ROOT") {
        Some(root) if !root.is_empty() => PathBuf::from(root),
        _ => PathBuf::from(std::env::var_os("HOME").expect("HOME is set")).join(".pyenv"),
    }
}

/// The newest pyenv version whose name starts with `prefix.` (or equals it),
/// e.g. "3.12" -> versions/3.12.1/bin/python3.
pub fn pyenv_python(prefix: &str) -> Option<PathBuf> {
    let versions = pyenv_root().join("versions");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&versions)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name == prefix || name.starts_with(&format!("{prefix}."))
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    let dir = found.pop();
    let Some(dir) = dir else {
        return skip(&format!(
            "no pyenv Python {prefix} under {}",
            versions.display()
        ));
    };
    let exe = ["python3", "python"]
        .iter()
        .map(|n| dir.join("bin").join(n))
        .find(|p| p.exists());
    match exe {
        Some(exe) => Some(exe),
        None => skip(&format!("{} has no bin/python3", dir.display())),
    }
}

/// Ask a real interpreter for the fields of `Interpreter` (the way the
/// `python` module does, kept here so the venv tests do not depend on it).
pub fn query(python: &Path) -> Interpreter {
    const SCRIPT: &str = r#"
import json, os, platform, struct, sys, sysconfig
schemes = sysconfig.get_scheme_names()
scheme = "venv" if "venv" in schemes else ("nt" if os.name == "nt" else "posix_prefix")
base = os.path.abspath(os.sep + "envreg-prefix")
v = {"base": base, "platbase": base, "installed_base": base, "installed_platbase": base}
paths = sysconfig.get_paths(scheme, vars=v)
rel = lambda k: os.path.relpath(paths[k], base).replace(os.sep, "/")
exe = getattr(sys, "_base_executable", None) or sys.executable
print(json.dumps({
    "executable": exe,
    "base_prefix": sys.base_prefix,
    "version": list(sys.version_info[:3]),
    "version_string": platform.python_version(),
    "implementation": platform.python_implementation(),
    "platform": sys.platform,
    "stdlib": sysconfig.get_path("stdlib"),
    "wheel_pkg_dir": sysconfig.get_config_var("WHEEL_PKG_DIR"),
    "purelib": rel("purelib"),
    "platlib": rel("platlib"),
    "scripts": rel("scripts"),
    "gil_disabled": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
    "pointer_size": struct.calcsize("P"),
}))
"#;
    let out = Command::new(python)
        .args(["-I", "-c", SCRIPT])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    assert!(out.status.success(), "{} failed: {out:?}", python.display());
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad query output from {}: {e}: {out:?}", python.display()))
}

/// The interpreter for pyenv's newest `prefix` version, or None (skipped).
pub fn pyenv_interpreter(prefix: &str) -> Option<Interpreter> {
    pyenv_python(prefix).map(|p| query(&p))
}

/// The path of an installed program, or None (skipped).
pub fn tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file());
    match found {
        Some(p) => Some(p),
        None => skip(&format!("{name} is not installed")),
    }
}
