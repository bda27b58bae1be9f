//! Decides at build time which tests can run on this machine, so that a
//! test whose interpreter, shell or tool is absent shows as *ignored* with
//! its reason in cargo's summary instead of passing silently.
//!
//! Emits for the test code (the binary itself does not use them):
//! - `envreg_test_full` when `ENVREG_TEST_FULL=1`: the exhaustive matrices;
//! - `has_py_X_Y` for every pyenv CPython X.Y found, `has_pypy3`;
//! - `has_PROGRAM` for the shells and tools the tests drive;
//! - `has_root` when building as root (mount-based tests);
//! - `has_pyenv_shims` when pyenv's `shims/python3` exists.
//!
//! Under `CI=true` everything is declared present: a missing prerequisite
//! then fails its test at run time (CI must install what the tests need).

use std::env;
use std::path::{Path, PathBuf};

const PYTHONS: &[&str] = &[
    "2.7", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13",
];
const PROGRAMS: &[&str] = &[
    "bash",
    "zsh",
    "fish",
    "tcsh",
    "xonsh",
    "nu",
    "dash",
    "shellcheck",
    "tmux",
    "script",
    "setpriv",
    "unshare",
    "flock",
    "pypy3",
    "man",
    "du",
    "uv",
];

fn cfg_name(prefix: &str, what: &str) -> String {
    format!("{prefix}{}", what.replace(['.', '-'], "_"))
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    for var in ["ENVREG_TEST_FULL", "CI", "PYENV_ROOT", "HOME", "PATH"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    println!("cargo::rustc-check-cfg=cfg(envreg_test_full)");
    println!("cargo::rustc-check-cfg=cfg(has_root)");
    println!("cargo::rustc-check-cfg=cfg(has_pyenv_shims)");
    for py in PYTHONS {
        println!("cargo::rustc-check-cfg=cfg({})", cfg_name("has_py_", py));
    }
    for program in PROGRAMS {
        println!("cargo::rustc-check-cfg=cfg({})", cfg_name("has_", program));
    }

    if env::var("ENVREG_TEST_FULL").is_ok_and(|v| v == "1") {
        println!("cargo:rustc-cfg=envreg_test_full");
    }
    let ci = env::var("CI").is_ok_and(|v| v == "true");

    let versions = pyenv_root().map(|r| r.join("versions"));
    if let Some(v) = &versions {
        println!("cargo:rerun-if-changed={}", v.display());
    }
    for py in PYTHONS {
        let found = versions.as_deref().is_some_and(|v| has_pyenv(v, py));
        if ci || found {
            println!("cargo:rustc-cfg={}", cfg_name("has_py_", py));
        }
    }
    if let Some(path) = env::var_os("PATH") {
        for dir in env::split_paths(&path).filter(|d| d.is_dir()) {
            println!("cargo:rerun-if-changed={}", dir.display());
        }
    }
    for program in PROGRAMS {
        if ci || on_path(program) {
            println!("cargo:rustc-cfg={}", cfg_name("has_", program));
        }
    }
    let shims = pyenv_root().is_some_and(|r| r.join("shims/python3").exists());
    if ci || shims {
        println!("cargo:rustc-cfg=has_pyenv_shims");
    }
    if ci || is_root() {
        println!("cargo:rustc-cfg=has_root");
    }
}

fn pyenv_root() -> Option<PathBuf> {
    match env::var_os("PYENV_ROOT") {
        Some(r) if !r.is_empty() => Some(PathBuf::from(r)),
        _ => env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")),
    }
}

/// A pyenv `versions/X.Y.Z` with its `bin/pythonX.Y`.
fn has_pyenv(versions: &Path, minor: &str) -> bool {
    std::fs::read_dir(versions).is_ok_and(|rd| {
        rd.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_prefix(minor)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|patch| patch.chars().all(|c| c.is_ascii_digit()))
                && e.path().join(format!("bin/python{minor}")).exists()
        })
    })
}

fn on_path(program: &str) -> bool {
    env::var_os("PATH").is_some_and(|p| env::split_paths(&p).any(|d| d.join(program).is_file()))
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(2))
            == Some("0")
    })
}
