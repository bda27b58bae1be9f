//! Seeding pip (and setuptools where `python -m venv` would) from bundled wheels.
//!
//! Each bundled wheel is unpacked once into the cache (see [`image`]); an
//! environment then gets hard links to the image's files (copies when the
//! cache is on another file system), its own `INSTALLER`, `REQUESTED` and
//! `RECORD`, and console-script launchers naming its python. Sharing inodes
//! between environments is safe because pip never writes into an installed
//! file (it unlinks files on uninstall and writes new ones on upgrade), and
//! the shared files are read-only, so a user's in-place write fails rather
//! than reaching every environment; an image found changed is extracted
//! again before it is linked from.

mod find;
mod image;
pub use image::{garbage, remove_garbage};
mod launcher;
mod record;
mod requires;
#[cfg(all(test, unix))]
mod tests;

use crate::errors::hinted;
use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::python::{Interpreter, Platform};

/// Written to `INSTALLER`, so tools can tell who installed the seed packages.
const INSTALLER: &[u8] = b"envreg\n";

/// Where seeded files go. Files are written into the staging directory, but
/// every path written inside a file (shebangs) names the final location.
pub struct Target<'a> {
    /// site-packages inside the staging directory.
    pub site_packages: &'a Path,
    /// The scripts directory (`bin` / `Scripts`) inside the staging directory.
    pub scripts: &'a Path,
    /// The environment's python at its final path, for launcher shebangs.
    pub final_python: &'a Path,
    /// The scripts directory relative to site-packages, '/'-separated, as
    /// RECORD lists launchers (e.g. "../../../bin").
    pub scripts_from_site_packages: &'a str,
}

/// Install the interpreter's bundled pip wheel (plus setuptools for Python
/// < 3.12, as `python -m venv` does) into `target`, through an unpacked cache
/// under `cache_dir`. No Python runs.
///
/// The packages are marked as installed by `envreg` (`INSTALLER`) and as
/// requested by the user (an empty `REQUESTED`, as ensurepip's own
/// `pip install` leaves), so `pip list --not-required` still shows pip.
pub fn seed_pip(interp: &Interpreter, target: &Target<'_>, cache_dir: &Path) -> Result<()> {
    let (sources, note) = find::seed_sources(interp, cache_dir)?;
    if let Some(note) = note {
        crate::say!("envreg: {note}");
    }
    let windows = interp.platform == Platform::Windows;
    let shebang = if windows {
        launcher::windows_shebang(target.final_python)?
    } else {
        launcher::shebang(target.final_python, &interp.platform)?
    };
    // Windows launchers are pip's own console stub with the script appended;
    // the stub comes from the pip image (the first one seeded).
    let mut stub: Option<Vec<u8>> = None;
    for dir in [target.site_packages, target.scripts] {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    for source in &sources {
        let (image, shown) = match source {
            find::Source::Wheel(wheel) => (image::open(wheel, cache_dir)?, wheel.display()),
            find::Source::Cached(stem) => (
                image::open_cached(stem, cache_dir)?,
                Path::new(stem).display(),
            ),
        };
        if windows && stub.is_none() {
            let path = image.tree.join(launcher::windows_stub(interp.pointer_size));
            stub = Some(fs::read(&path).map_err(|err| {
                hinted(
                    format!(
                        "cannot read the Windows launcher stub {} that pip's wheel ships",
                        path.display()
                    ),
                    "use --no-pip and run `python -m ensurepip` in the environment",
                )
                .because(err.into())
            })?);
        }
        let launchers = match &stub {
            Some(stub) => Launchers::Windows(stub),
            None => Launchers::Posix,
        };
        install(&image, target, interp, &shebang, launchers).with_context(|| {
            format!(
                "cannot install {shown} into {}",
                target.site_packages.display()
            )
        })?;
    }
    Ok(())
}

/// How console scripts are written.
#[derive(Clone, Copy)]
enum Launchers<'a> {
    /// A text file starting with the shebang.
    Posix,
    /// `NAME.exe`: this stub, the shebang line and a zip of the script.
    Windows(&'a [u8]),
}

/// Link one image into site-packages and write its per-environment files.
fn install(
    image: &image::Image,
    target: &Target<'_>,
    interp: &Interpreter,
    shebang: &str,
    launchers: Launchers<'_>,
) -> Result<()> {
    let manifest = &image.manifest;
    let site = target.site_packages;
    for dir in &manifest.dirs {
        let path = site.join(dir);
        match fs::create_dir(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
        }
    }
    link_files(&image.tree, site, &manifest.files)?;

    let mut record = String::with_capacity(manifest.record.len() + 1024);
    record.push_str(&manifest.record);
    let dist_info = &manifest.dist_info;
    for (name, content) in [("INSTALLER", INSTALLER), ("REQUESTED", &b""[..])] {
        let rel = format!("{dist_info}/{name}");
        write_new(&site.join(&rel), content, false)?;
        record.push_str(&record::line(
            &rel,
            &record::hash(content),
            Some(content.len() as u64),
        ));
    }

    let scripts_rel = target.scripts_from_site_packages.trim_end_matches('/');
    let (major, minor) = (interp.version.0, interp.version.1);
    for (name, ep) in launcher::script_names(&manifest.entry_points, major, minor) {
        let (name, body) = match launchers {
            Launchers::Posix => (name, launcher::script(shebang, ep).into_bytes()),
            Launchers::Windows(stub) => (
                format!("{name}.exe"),
                launcher::windows_exe(stub, shebang, ep)?,
            ),
        };
        write_new(&target.scripts.join(&name), &body, true)?;
        record.push_str(&record::line(
            &format!("{scripts_rel}/{name}"),
            &record::hash(&body),
            Some(body.len() as u64),
        ));
    }

    let rel = format!("{dist_info}/RECORD");
    record.push_str(&record::line(&rel, "", None));
    write_new(&site.join(&rel), record.as_bytes(), false)
}

/// Hard-link each file of `tree` into `site`; after the first failed link
/// (another file system, or links not allowed) copy the rest.
fn link_files(tree: &Path, site: &Path, files: &[image::ImageFile]) -> Result<()> {
    let mut linking = true;
    for file in files {
        let (src, dst) = (tree.join(&file.path), site.join(&file.path));
        if linking {
            match fs::hard_link(&src, &dst) {
                Ok(()) => continue,
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                    bail!(
                        "{} already exists; seed pip only into a new environment",
                        dst.display()
                    );
                }
                Err(_) => linking = false,
            }
        }
        super::files::copy_new(&src, &dst).with_context(|| {
            format!(
                "cannot copy {} to {} (the cache may be damaged: delete {} and retry)",
                src.display(),
                dst.display(),
                tree.display()
            )
        })?;
    }
    Ok(())
}

/// Create `path` (failing if it exists) with `content`; executable (0o755
/// before the umask) when `exec`.
fn write_new(path: &Path, content: &[u8], exec: bool) -> Result<()> {
    super::files::write_new(path, content, if exec { 0o755 } else { 0o644 })
        .with_context(|| format!("cannot create {}", path.display()))
}
