//! Seeing through pyenv shims without running pyenv.
//!
//! A shim is a bash script that runs `pyenv exec`, which costs a few hundred
//! milliseconds and cannot be cached (its answer depends on the directory and
//! the environment). For the common cases we pick the version the way pyenv
//! does: `PYENV_VERSION`, else the nearest `.python-version` from the current
//! directory up, else `$PYENV_ROOT/version`; the first listed version that
//! has the command wins. Anything unusual (`system`, a version prefix pyenv
//! would expand, a missing version) returns None, and the caller runs the shim.

use std::fs;
use std::path::{Path, PathBuf};

use super::discover::is_executable_file;

/// The executable a pyenv shim at `shim` would run, if it can be told
/// without running it. None when `shim` is not a pyenv shim.
pub fn resolve_shim(shim: &Path) -> Option<PathBuf> {
    let shims_dir = shim.parent()?;
    if shims_dir.file_name()? != "shims" || !is_pyenv_shim(shim) {
        return None;
    }
    let root = shims_dir.parent()?;
    let command = shim.file_name()?;
    let versions = selected_versions(root)?;
    for version in versions {
        if version == "system" || version.contains('/') || version.starts_with('.') {
            return None;
        }
        let candidate = root
            .join("versions")
            .join(&version)
            .join("bin")
            .join(command);
        if !root.join("versions").join(&version).is_dir() {
            return None;
        }
        if is_executable_file(&candidate) {
            return Some(candidate);
        }
    }
    None
}

/// A `#!` script that hands over to `pyenv exec`.
fn is_pyenv_shim(path: &Path) -> bool {
    let Ok(text) = fs::read(path) else {
        return false;
    };
    let text = String::from_utf8_lossy(&text[..text.len().min(4096)]);
    text.starts_with("#!") && text.contains("pyenv") && text.contains(" exec ")
}

/// The version names pyenv would use here, in order.
fn selected_versions(root: &Path) -> Option<Vec<String>> {
    if let Some(value) = std::env::var_os("PYENV_VERSION").filter(|v| !v.is_empty()) {
        let value = value.into_string().ok()?;
        return Some(value.split(':').map(str::to_string).collect());
    }
    let start = match std::env::var_os("PYENV_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => std::env::current_dir().ok()?,
    };
    let file = start
        .ancestors()
        .map(|dir| dir.join(".python-version"))
        .find(|f| f.is_file())
        .unwrap_or_else(|| root.join("version"));
    match fs::read_to_string(&file) {
        Ok(text) => {
            let names = parse_version_file(&text);
            (!names.is_empty()).then_some(names)
        }
        // No global version file: pyenv uses the system Python.
        Err(_) => None,
    }
}

/// Whitespace-separated version names; `#` comment lines are skipped.
fn parse_version_file(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_files_are_read_like_pyenv() {
        assert_eq!(parse_version_file("3.12.1\n"), ["3.12.1"]);
        assert_eq!(
            parse_version_file("# pinned\n3.12.1 3.11.7\n\n2.7.18\n"),
            ["3.12.1", "3.11.7", "2.7.18"]
        );
        assert!(parse_version_file("").is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_fake_pyenv_root_resolves_by_its_global_version() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let shims = root.join("shims");
        let bin = root.join("versions/3.12.1/bin");
        fs::create_dir_all(&shims).unwrap();
        fs::create_dir_all(&bin).unwrap();
        let shim = shims.join("python3");
        fs::write(
            &shim,
            "#!/usr/bin/env bash\nexec \"/x/libexec/pyenv\" exec \"$program\" \"$@\"\n",
        )
        .unwrap();
        let real = bin.join("python3");
        fs::write(&real, "binary").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o755)).unwrap();
        fs::write(root.join("version"), "3.12.1\n").unwrap();
        // Only when no PYENV_VERSION or .python-version overrides the global file.
        let overridden = std::env::var_os("PYENV_VERSION").is_some()
            || std::env::current_dir()
                .unwrap()
                .ancestors()
                .any(|d| d.join(".python-version").is_file());
        if !overridden {
            assert_eq!(resolve_shim(&shim), Some(real));
            fs::write(root.join("version"), "system\n").unwrap();
            assert_eq!(resolve_shim(&shim), None);
            fs::write(root.join("version"), "3.13.0 3.12.1\n").unwrap();
            assert_eq!(
                resolve_shim(&shim),
                None,
                "a missing version defers to pyenv"
            );
        }
        let not_a_shim = shims.join("other");
        fs::write(&not_a_shim, "#!/bin/sh\necho hi\n").unwrap();
        assert_eq!(resolve_shim(&not_a_shim), None);
    }
}
