//! Finding and querying Python interpreters.
//!
//! `find` resolves a `-p` request (a path, a command name, or a version such as
//! `3.12`) to a base interpreter, queries it once with a short script and caches
//! the answer under `cache/interpreters/`.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::{Deserialize, Serialize};

/// What envreg needs to know about a base interpreter to build a venv on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interpreter {
    /// The real base executable a venv's `bin/python` links to: never a pyenv
    /// shim, never another venv's python (`sys._base_executable`).
    pub executable: PathBuf,
    /// `sys.base_prefix`; pyvenv.cfg `home` is the executable's directory.
    pub base_prefix: PathBuf,
    /// (major, minor, micro).
    pub version: (u32, u32, u32),
    /// Full version string, e.g. "3.12.1" or "3.13.0rc1".
    pub version_string: String,
    /// `sys.implementation.name` as written in pyvenv.cfg: "CPython", "PyPy", ...
    pub implementation: String,
    /// `sys.platform`: "linux", "darwin", "win32".
    pub platform: String,
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

impl Interpreter {
    /// "3.12"
    pub fn major_minor(&self) -> String {
        format!("{}.{}", self.version.0, self.version.1)
    }
}

/// Resolve `request` (None: the default interpreter) to a queried interpreter.
/// Errors name the request and list the interpreters that were found.
pub fn find(request: Option<&str>, cache_dir: &Path) -> Result<Interpreter> {
    let _ = (request, cache_dir);
    todo!("python::find")
}
