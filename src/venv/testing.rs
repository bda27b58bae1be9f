//! Test helpers: real pyenv interpreters and real shells, skipped with a
//! message when absent, and failing instead when CI=true.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::python::{Interpreter, Platform};

/// The machine checks every test crate shares (`tests/support/env.rs`).
#[path = "../../tests/support/env.rs"]
mod machine;

/// Skip (return None after saying why), or panic under CI=true.
pub fn skip<T>(reason: &str) -> Option<T> {
    machine::skip(reason);
    None
}

/// pyenv's newest `prefix` version ("3.12" or "3.12.1"): its python, or
/// None (skipped).
pub fn pyenv_python(prefix: &str) -> Option<PathBuf> {
    machine::need_python(prefix)
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

/// A CPython 2.7.18 installed under `/opt/py/2.7` (nothing is on disk).
pub fn fake_python27() -> Interpreter {
    let prefix = PathBuf::from("/opt/py/2.7");
    Interpreter {
        executable: prefix.join("bin/python2.7"),
        base_prefix: prefix.clone(),
        version: (2, 7, 18),
        version_string: "2.7.18".into(),
        implementation: "CPython".into(),
        platform: Platform::Linux,
        stdlib: prefix.join("lib/python2.7"),
        wheel_pkg_dir: None,
        purelib: "lib/python2.7/site-packages".into(),
        platlib: "lib/python2.7/site-packages".into(),
        scripts: "bin".into(),
        gil_disabled: false,
        pointer_size: 8,
    }
}

/// A PyPy of `version` (3.9.x) installed under `/usr/lib/pypy3.9`, whose
/// stdlib does not exist (so it bundles no wheels).
pub fn fake_pypy(version: (u32, u32, u32)) -> Interpreter {
    Interpreter {
        executable: "/usr/lib/pypy3.9/bin/pypy3.9".into(),
        base_prefix: "/usr/lib/pypy3.9".into(),
        version,
        version_string: format!("{}.{}.{}", version.0, version.1, version.2),
        implementation: "PyPy".into(),
        platform: Platform::Linux,
        stdlib: "/nonexistent/pypy3.9".into(),
        wheel_pkg_dir: None,
        purelib: "lib/pypy3.9/site-packages".into(),
        platlib: "lib/pypy3.9/site-packages".into(),
        scripts: "bin".into(),
        gil_disabled: false,
        pointer_size: 8,
    }
}

/// The interpreter for pyenv's newest `prefix` version, or None (skipped).
pub fn pyenv_interpreter(prefix: &str) -> Option<Interpreter> {
    pyenv_python(prefix).map(|p| query(&p))
}

/// The path of an installed program, or None (skipped).
pub fn tool(name: &str) -> Option<PathBuf> {
    match machine::find_on_path(name) {
        Some(p) => Some(p),
        None => skip(&format!("{name} is not installed")),
    }
}

/// One test per interpreter of the matrix: run by default only for the
/// default test interpreter, the others with `ENVREG_TEST_FULL=1` (each
/// still needs its interpreter, declared for build.rs's `has_py_*`).
macro_rules! matrix_tests {
    ($check:ident: $($name:ident($arg:expr, $has:meta, $need:literal);)*) => {$(
        #[test]
        #[cfg_attr(not(envreg_test_full), ignore = "full matrix: ENVREG_TEST_FULL=1")]
        #[cfg_attr(all(envreg_test_full, not($has)), ignore = $need)]
        fn $name() {
            $check($arg);
        }
    )*};
}
pub(crate) use matrix_tests;
