//! Finding the wheels an interpreter bundles for `ensurepip`.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::python::Interpreter;

/// The wheels `python -m venv` would seed for `interp`: pip, plus setuptools
/// before Python 3.12. Like ensurepip, a distribution's `WHEEL_PKG_DIR` is
/// searched first and the stdlib's `ensurepip/_bundled` second; the newest
/// version wins within a directory. A missing setuptools wheel is skipped (pip
/// alone makes a working environment); a missing pip wheel is an error.
pub fn seed_wheels(interp: &Interpreter) -> Result<Vec<PathBuf>> {
    let bundled = interp.stdlib.join("ensurepip").join("_bundled");
    let dirs: Vec<&Path> = interp
        .wheel_pkg_dir
        .as_deref()
        .into_iter()
        .chain([bundled.as_path()])
        .collect();
    let Some(pip) = find_wheel("pip", &dirs) else {
        let looked: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        bail!(
            "{} bundles no pip wheel (looked for pip-*.whl in {}); some distributions \
             ship Python without ensurepip (on Debian and Ubuntu install the python3-venv \
             package). Create the environment without pip using --no-pip",
            interp.executable.display(),
            looked.join(" and ")
        );
    };
    let mut wheels = vec![pip];
    if (interp.version.0, interp.version.1) < (3, 12) {
        wheels.extend(find_wheel("setuptools", &dirs));
    }
    Ok(wheels)
}

/// The newest `<name>-<version>-*.whl` in the first of `dirs` that has one.
fn find_wheel(name: &str, dirs: &[&Path]) -> Option<PathBuf> {
    dirs.iter().find_map(|dir| newest_in(name, dir))
}

fn newest_in(name: &str, dir: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(dir).ok()?;
    let prefix = format!("{name}-");
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let file = e.file_name().into_string().ok()?;
            let version = file
                .strip_suffix(".whl")?
                .strip_prefix(&prefix)?
                .split('-')
                .next()?
                .to_string();
            Some((version, e.path()))
        })
        .max_by(|a, b| compare_versions(&a.0, &b.0))
        .map(|(_, path)| path)
}

/// Compare dotted versions numerically part by part ("23.10" > "23.9"); a part
/// with a suffix ("0b1") compares by its leading number, then by the suffix.
fn compare_versions(a: &str, b: &str) -> Ordering {
    fn key(part: &str) -> (u64, &str) {
        let digits = part.bytes().take_while(u8::is_ascii_digit).count();
        (part[..digits].parse().unwrap_or(0), &part[digits..])
    }
    let mut pa = a.split('.');
    let mut pb = b.split('.');
    loop {
        match (pa.next(), pb.next()) {
            (None, None) => return Ordering::Equal,
            (Some(_), None) => return Ordering::Greater,
            (None, Some(_)) => return Ordering::Less,
            (Some(x), Some(y)) => {
                let (nx, sx) = key(x);
                let (ny, sy) = key(y);
                // A bare number is newer than the same number with a
                // pre-release suffix.
                let ord = nx
                    .cmp(&ny)
                    .then_with(|| match (sx.is_empty(), sy.is_empty()) {
                        (true, false) => Ordering::Greater,
                        (false, true) => Ordering::Less,
                        _ => sx.cmp(sy),
                    });
                if ord != Ordering::Equal {
                    return ord;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_numerically() {
        assert_eq!(compare_versions("23.10", "23.9"), Ordering::Greater);
        assert_eq!(compare_versions("22.0.4", "23.0.1"), Ordering::Less);
        assert_eq!(compare_versions("24.2", "24.2.0"), Ordering::Less);
        assert_eq!(compare_versions("24.0b1", "24.0"), Ordering::Less);
        assert_eq!(compare_versions("24.2", "24.2"), Ordering::Equal);
    }

    #[test]
    fn picks_the_newest_and_prefers_wheel_pkg_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a");
        let b = tmp.path().join("b");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        for f in [
            "pip-22.0.4-py3-none-any.whl",
            "pip-23.0.1-py3-none-any.whl",
            "pipx-99-py3-none-any.whl",
            "pip-9.txt",
        ] {
            std::fs::write(a.join(f), "").unwrap();
        }
        std::fs::write(b.join("pip-1.0-py3-none-any.whl"), "").unwrap();
        let found = find_wheel("pip", &[&b, &a]).unwrap();
        assert_eq!(found.file_name().unwrap(), "pip-1.0-py3-none-any.whl");
        let found = find_wheel("pip", &[&tmp.path().join("missing"), &a]).unwrap();
        assert_eq!(found.file_name().unwrap(), "pip-23.0.1-py3-none-any.whl");
        assert_eq!(find_wheel("setuptools", &[&a, &b]), None);
    }
}
