//! What the tests need from the machine: pyenv interpreters and programs on
//! PATH, and the one way to skip a test when they are absent.
//!
//! Shared by every test crate: the integration tests include it through
//! `tests/support/mod.rs`, the binary's unit tests through a `#[path]`
//! module. Tests that need something declare it at build time too
//! (`#[cfg_attr(not(has_zsh), ignore = "needs zsh")]`, see build.rs), so an
//! absent prerequisite shows as *ignored* in cargo's summary; `skip` is the
//! run-time fallback, and under `CI=true` a skip is a failure.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A prerequisite is absent at run time. Every test declares what it needs
/// at build time (build.rs), so on a machine without it the test is
/// *ignored* and never gets here; reaching this means the declaration is
/// missing or the machine changed since the build. Either way the test
/// fails rather than pass without having run.
pub fn skip(reason: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true and this test needs something absent: {reason}");
    }
    panic!(
        "this test needs something absent ({reason}) but was not marked ignored at build \
         time: declare it with #[cfg_attr(not(has_…), ignore = \"needs …\")] (see build.rs), \
         or rebuild if the machine changed"
    );
}

/// `$PYENV_ROOT`, else `~/.pyenv`.
pub fn pyenv_root() -> PathBuf {
    match std::env::var_os("PYENV_ROOT") {
        Some(root) if !root.is_empty() => PathBuf::from(root),
        _ => PathBuf::from(std::env::var_os("HOME").expect("HOME is set")).join(".pyenv"),
    }
}

/// The newest pyenv version `X.Y.Z` matching `version` ("3.12" or
/// "3.12.1"): its `bin/pythonX.Y`, else `bin/python3`, else `bin/python`.
pub fn pyenv_python(version: &str) -> Option<PathBuf> {
    let versions = pyenv_root().join("versions");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&versions)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name == version
                || name
                    .strip_prefix(version)
                    .and_then(|rest| rest.strip_prefix('.'))
                    .is_some_and(|patch| patch.chars().all(|c| c.is_ascii_digit()))
        })
        .map(|e| e.path())
        .collect();
    found.sort_by_key(|p| version_key(p));
    let dir = found.pop()?;
    let name = dir.file_name()?.to_string_lossy().into_owned();
    let minor: Vec<&str> = name.split('.').take(2).collect();
    [
        format!("python{}", minor.join(".")),
        "python3".into(),
        "python".into(),
    ]
    .iter()
    .map(|n| dir.join("bin").join(n))
    .find(|p| p.exists())
}

/// Sort "3.12.10" after "3.12.9".
fn version_key(dir: &Path) -> Vec<u32> {
    dir.file_name()
        .map(|n| {
            n.to_string_lossy()
                .split('.')
                .map(|p| p.parse().unwrap_or(0))
                .collect()
        })
        .unwrap_or_default()
}

/// Like [`pyenv_python`], but skips (or fails under CI) when absent.
pub fn need_python(version: &str) -> Option<PathBuf> {
    let found = pyenv_python(version);
    if found.is_none() {
        skip(&format!(
            "no pyenv Python {version} under {}",
            pyenv_root().join("versions").display()
        ));
    }
    found
}

pub fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Whether `program` is on PATH; when not, the test is skipped.
pub fn require(program: &str) -> bool {
    if find_on_path(program).is_some() {
        return true;
    }
    skip(&format!("{program} is not installed"));
    false
}
