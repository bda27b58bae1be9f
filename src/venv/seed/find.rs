//! Finding the wheels an interpreter bundles for `ensurepip`.

use crate::errors::hinted;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::python::Interpreter;

use super::{image, requires};

/// Where a seed package comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A wheel file, unpacked into the cache on first use.
    Wheel(PathBuf),
    /// An image already unpacked in the cache, under this stem.
    Cached(String),
}

/// What to seed into an environment on `interp`: its own bundled wheels
/// ([`seed_wheels`]), or, for PyPy without a bundled pip, the newest pip
/// whose `Requires-Python` its version satisfies, from the seed cache under
/// `cache_dir` or from another installed interpreter's `ensurepip/_bundled`
/// (pip is pure Python). Returns the sources and, when pip came from
/// elsewhere, a note saying from where.
pub fn seed_sources(
    interp: &Interpreter,
    cache_dir: &Path,
) -> Result<(Vec<Source>, Option<String>)> {
    let own = seed_wheels(interp);
    if own.is_ok() || !interp.implementation.eq_ignore_ascii_case("pypy") {
        return Ok((own?.into_iter().map(Source::Wheel).collect(), None));
    }
    let wheels = crate::python::bundled_wheel_dirs()
        .into_iter()
        .flat_map(|dir| wheels_in("pip", &dir));
    match borrowed_pip(interp, wheels, cache_dir) {
        Some((source, version, origin)) => {
            let note = format!(
                "{} {} bundles no pip; seeding pip {version} from {origin}",
                interp.implementation, interp.version_string
            );
            Ok((vec![source], Some(note)))
        }
        None => {
            let err = own.unwrap_err();
            bail!(hinted(
                format!(
                    "{err:#}. No other pip wheel that runs on {} {} was found either (looked \
                     in envreg's seed cache and in the ensurepip bundles of the interpreters \
                     on PATH, in pyenv and uv)",
                    interp.implementation, interp.version_string
                ),
                "install a CPython 3 with pyenv or uv, or create the environment with --no-pip"
            ))
        }
    }
}

/// The newest pip among `wheels` and the cache's images that `interp` can
/// run: (source, pip version, where it is, for the note). Among equal
/// versions a wheel wins (it can be unpacked again if its image is damaged).
fn borrowed_pip(
    interp: &Interpreter,
    wheels: impl Iterator<Item = (String, PathBuf)>,
    cache_dir: &Path,
) -> Option<(Source, String, String)> {
    let mut found: Vec<(String, Source, String)> = Vec::new();
    for (version, wheel) in wheels {
        if wheel_requires_python(&wheel)
            .is_some_and(|spec| requires::satisfied(&spec, interp.version))
        {
            let origin = wheel.display().to_string();
            found.push((version, Source::Wheel(wheel), origin));
        }
    }
    for (stem, dir) in image::cached(cache_dir) {
        let Some(version) = stem.strip_prefix("pip-").and_then(|r| r.split('-').next()) else {
            continue;
        };
        let metadata = dir
            .join("tree")
            .join(format!("pip-{version}.dist-info"))
            .join("METADATA");
        let spec = std::fs::read_to_string(&metadata)
            .ok()
            .map(|text| requires::from_metadata(&text).unwrap_or_default());
        if spec.is_some_and(|spec| requires::satisfied(&spec, interp.version)) {
            let origin = format!("envreg's seed cache ({})", dir.display());
            found.push((version.to_string(), Source::Cached(stem.clone()), origin));
        }
    }
    // Stable: wheels come first, so they win ties.
    found
        .into_iter()
        .rev()
        .max_by(|a, b| compare_versions(&a.0, &b.0))
        .map(|(version, source, origin)| (source, version, origin))
}

/// The `Requires-Python` of a wheel (empty when it states none); None when
/// the wheel cannot be read.
fn wheel_requires_python(wheel: &Path) -> Option<String> {
    use std::io::Read;
    let file = std::fs::File::open(wheel).ok()?;
    let mut zip = zip::ZipArchive::new(file).ok()?;
    let name = zip
        .file_names()
        .find(|n| {
            n.split_once('/')
                .is_some_and(|(top, rest)| top.ends_with(".dist-info") && rest == "METADATA")
        })?
        .to_string();
    let mut text = String::new();
    zip.by_name(&name).ok()?.read_to_string(&mut text).ok()?;
    Some(requires::from_metadata(&text).unwrap_or_default())
}

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
        bail!(hinted(
            format!(
                "{} bundles no pip wheel (looked for pip-*.whl in {})",
                interp.executable.display(),
                looked.join(" and ")
            ),
            "some distributions ship Python without ensurepip (on Debian and Ubuntu install \
             the python3-venv package); or create the environment without pip using --no-pip"
        ));
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
    wheels_in(name, dir)
        .into_iter()
        .max_by(|a, b| compare_versions(&a.0, &b.0))
        .map(|(_, path)| path)
}

/// Every `<name>-<version>-*.whl` in `dir`, with its version.
fn wheels_in(name: &str, dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
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
        .collect()
}

/// Compare dotted versions numerically part by part ("23.10" > "23.9"); a part
/// with a suffix ("0b1") compares by its leading number, then by the suffix.
pub(super) fn compare_versions(a: &str, b: &str) -> Ordering {
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
    use crate::venv::testing::fake_pypy as pypy;

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

    /// Real pip wheels from pyenv's 3.6 (pip 18.1, >=2.7 but not 3.0-3.3)
    /// and 3.12 (pip 23.2.1, >=3.7): the newest one the version allows wins,
    /// and an image left in the cache serves after its wheel is gone.
    #[test]
    #[cfg_attr(
        not(all(has_py_3_12, has_py_3_6)),
        ignore = "needs pyenv CPython 3.12, pyenv CPython 3.6"
    )]
    fn pip_for_pypy_is_borrowed_by_requires_python() {
        let (Some(py36), Some(py312)) = (
            crate::venv::testing::pyenv_interpreter("3.6"),
            crate::venv::testing::pyenv_interpreter("3.12"),
        ) else {
            return;
        };
        let old = seed_wheels(&py36).unwrap().remove(0);
        let new = seed_wheels(&py312).unwrap().remove(0);
        let version = |w: &Path| {
            let name = w.file_name().unwrap().to_str().unwrap().to_string();
            (name.split('-').nth(1).unwrap().to_string(), w.to_path_buf())
        };
        let wheels = || [version(&old), version(&new)].into_iter();
        let tmp = tempfile::tempdir().unwrap();
        let cache = tmp.path();

        let (source, v, _) = borrowed_pip(&pypy((3, 9, 16)), wheels(), cache).unwrap();
        assert_eq!(source, Source::Wheel(new.clone()));
        assert_eq!(v, "23.2.1");
        // 3.6 is too old for pip 23 (>=3.7): pip 18.1 is the one that fits.
        let (source, _, _) = borrowed_pip(&pypy((3, 6, 9)), wheels(), cache).unwrap();
        assert_eq!(source, Source::Wheel(old.clone()));
        assert!(borrowed_pip(&pypy((3, 2, 0)), wheels(), cache).is_none());

        // Once unpacked, the cache alone is enough.
        drop(image::open(&new, cache).unwrap());
        let (source, v, origin) =
            borrowed_pip(&pypy((3, 9, 16)), std::iter::empty(), cache).unwrap();
        let stem = new.file_stem().unwrap().to_str().unwrap().to_string();
        assert_eq!(source, Source::Cached(stem.clone()));
        assert_eq!(v, "23.2.1");
        assert!(origin.contains("seed cache"), "{origin}");
        let image = image::open_cached(&stem, cache).unwrap();
        assert_eq!(image.manifest.dist_info, "pip-23.2.1.dist-info");
        // A wheel of the same version is preferred over the image.
        let (source, _, _) = borrowed_pip(&pypy((3, 9, 16)), wheels(), cache).unwrap();
        assert_eq!(source, Source::Wheel(new));
    }
}
