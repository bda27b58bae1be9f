//! Building a virtual environment natively: no Python runs on this path.
//!
//! Everything is written into a staging directory, while every path written
//! *inside* a file names the final directory the staging one is renamed to.

pub mod activate;
pub mod cfg;
mod files;
pub mod layout;
mod python2;
pub mod seed;
#[cfg(test)]
pub mod testing;
#[cfg(test)]
mod tests;

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::python::{Interpreter, Platform};

use self::layout::{Layout, Source};

/// What the user asked for on `mkenv`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The environment's name (the default prompt).
    pub name: String,
    pub prompt: Option<String>,
    pub system_site_packages: bool,
    /// Seed pip (and setuptools for Python < 3.12) from the bundled wheels.
    pub pip: bool,
}

/// `.gitignore` content: a venv never belongs in version control.
const GITIGNORE: &str = "# Created by envreg: a virtual environment is not source code\n*\n";

/// Build an environment in `staging` whose files all name `final_dir` (where
/// it will be renamed to). `cache_dir` holds unpacked seed wheels.
pub fn create(
    interp: &Interpreter,
    staging: &Path,
    final_dir: &Path,
    opts: &Options,
    cache_dir: &Path,
) -> Result<()> {
    let windows = interp.platform == Platform::Windows;
    let final_str = check_final_dir(final_dir, windows)?;
    let layout = Layout::new(interp)?;

    fs::create_dir_all(staging)
        .with_context(|| format!("cannot create the directory {}", staging.display()))?;
    let scripts = staging.join(&layout.scripts);
    for dir in [
        &scripts,
        &staging.join(&layout.purelib),
        &staging.join(&layout.platlib),
    ] {
        fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the directory {}", dir.display()))?;
    }
    if layout.lib64_link {
        symlink(Path::new("lib"), &staging.join("lib64"))?;
    }
    for exe in &layout.executables {
        let dest = scripts.join(&exe.name);
        match &exe.source {
            Source::Symlink(target) => symlink(target, &dest)?,
            Source::SiblingLink(name) => symlink(Path::new(name), &dest)?,
            Source::Copy(from) if layout.windows => {
                files::copy_new(from, &dest).with_context(|| {
                    format!(
                        "cannot copy the venv launcher {} to {}; is this Python's venv module \
                         installed (Lib\\venv\\scripts\\nt)? Repair the installation or use \
                         another interpreter with -p",
                        from.display(),
                        dest.display()
                    )
                })?;
            }
            Source::Copy(from) => {
                files::copy_new(from, &dest).with_context(|| {
                    format!(
                        "cannot copy the interpreter {} to {}",
                        from.display(),
                        dest.display()
                    )
                })?;
            }
        }
    }
    for link in &layout.links {
        let target = &link.target;
        if fs::metadata(target).is_err() {
            if link.optional {
                continue;
            }
            bail!(
                "{} is missing from the Python installation at {}, and a Python {} environment \
                 needs it; repair the installation or use another interpreter with -p",
                target.display(),
                interp.base_prefix.display(),
                interp.version_string
            );
        }
        let path = staging.join(&link.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create the directory {}", parent.display()))?;
        }
        symlink(target, &path)?;
    }
    if python2::applies(interp) {
        for (rel, contents) in python2::files(interp, opts) {
            write(&staging.join(rel), &contents)?;
        }
    }

    write(
        &staging.join("pyvenv.cfg"),
        cfg::render(interp, opts)?.as_bytes(),
    )?;
    let prompt = opts.prompt.as_deref().unwrap_or(&opts.name);
    let vars = activate::Vars {
        venv_dir: final_str,
        bin_name: &layout.scripts,
        prompt,
    };
    for script in activate::render_all(&vars, layout.windows)? {
        write(&scripts.join(script.file_name), &script.contents)?;
    }
    write(&staging.join(".gitignore"), GITIGNORE.as_bytes())?;
    // No CACHEDIR.TAG here (uv and virtualenv write one): backup tools that
    // honour it would keep only that file, and an environment holds a user's
    // installs. The seed cache carries one instead.

    if opts.pip {
        let final_python = final_dir
            .join(&layout.scripts)
            .join(&layout.executables[0].name);
        let scripts_from_site_packages = layout.scripts_from_purelib();
        let target = seed::Target {
            site_packages: &staging.join(&layout.purelib),
            scripts: &scripts,
            final_python: &final_python,
            scripts_from_site_packages: &scripts_from_site_packages,
        };
        seed::seed_pip(interp, &target, cache_dir)?;
    } else if !layout.windows {
        write_pip_shims(&scripts, interp.version)?;
    }
    Ok(())
}

/// The first lines of the `pip` stand-ins of an environment made without
/// pip; [`is_pip_shim`] looks for the marker.
const PIP_SHIM: &str = "#!/bin/sh
# envreg: no-pip shim
# This environment was made without pip; without this file `pip` would run
# another pip found later on PATH (the system's) and install there.
env=$(cd \"$(dirname \"$0\")/..\" && pwd)
echo \"envreg: this env has no pip: 'envreg set $(basename \"$env\") --pip' installs it (or run 'python -m ensurepip')\" >&2
exit 1
";

/// The names of the pip commands an environment gets: pip, pip3, pip3.12.
pub fn pip_names(version: (u32, u32, u32)) -> [String; 3] {
    let (major, minor, _) = version;
    [
        "pip".to_string(),
        format!("pip{major}"),
        format!("pip{major}.{minor}"),
    ]
}

/// Write the `pip` stand-ins that say the environment has no pip.
fn write_pip_shims(scripts: &Path, version: (u32, u32, u32)) -> Result<()> {
    for name in pip_names(version) {
        let path = scripts.join(name);
        files::write_new(&path, PIP_SHIM.as_bytes(), 0o755)
            .with_context(|| format!("cannot create {}", path.display()))?;
    }
    Ok(())
}

/// True when `path` is a `pip` stand-in of an environment without pip.
pub fn is_pip_shim(path: &Path) -> bool {
    let mut head = [0u8; 64];
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let n = std::io::Read::read(&mut file, &mut head).unwrap_or(0);
    head[..n]
        .windows(b"envreg: no-pip shim".len())
        .any(|w| w == b"envreg: no-pip shim")
}

/// The final directory as text for the activation scripts; refused when it
/// cannot be written into them or put on PATH.
fn check_final_dir(final_dir: &Path, windows: bool) -> Result<&str> {
    let Some(text) = final_dir.to_str() else {
        bail!(
            "the environment path {} is not valid UTF-8, which activation scripts cannot name; \
             set ENVREG_HOME to a path without such characters",
            final_dir.display()
        );
    };
    let separator = if windows { ';' } else { ':' };
    // On Windows the separator is ';', so a drive letter's ':' is fine.
    if text.contains(separator) {
        bail!(
            "the environment path {text:?} contains {separator:?}, the separator of PATH, so its \
             scripts directory could not be put on PATH (python -m venv refuses it too); \
             set ENVREG_HOME to a path without {separator:?}"
        );
    }
    if text.contains(['\n', '\r']) {
        bail!(
            "the environment path {text:?} contains a line break; set ENVREG_HOME to a path \
             without one"
        );
    }
    Ok(text)
}

/// Write a new file into the fresh staging directory; something already
/// there (a planted symlink) is an error, never written through.
fn write(path: &Path, contents: &[u8]) -> Result<()> {
    files::write_new(path, contents, 0o644)
        .with_context(|| format!("cannot create {}", path.display()))
}

fn symlink(target: &Path, link: &Path) -> Result<()> {
    #[cfg(unix)]
    let result = std::os::unix::fs::symlink(target, link);
    #[cfg(windows)]
    let result = if target.is_dir() || target == Path::new("lib") {
        std::os::windows::fs::symlink_dir(target, link)
    } else {
        std::os::windows::fs::symlink_file(target, link)
    };
    result.with_context(|| {
        format!(
            "cannot create the symlink {} -> {}",
            link.display(),
            target.display()
        )
    })
}

/// Refuse interpreters envreg cannot host, saying why.
///
/// CPython 2.7 gets the virtualenv-style layout of [`python2`]. Python 3.6 is
/// accepted: a venv built this way works there (the interpreter reads
/// pyvenv.cfg since 3.3, and the tests check sys.prefix and site-packages on
/// pyenv's 3.6); only its bundled pip is old.
pub fn check_supported(interp: &Interpreter) -> Result<()> {
    let (major, minor, _) = interp.version;
    if major == 2 && minor == 7 {
        return Ok(());
    }
    if major < 3 {
        bail!(
            "{} {} at {} is too old for envreg: of Python 2 only 2.7 is supported (it gets \
             a virtualenv-style environment); use -p 2.7 or a Python 3 interpreter \
             (e.g. -p 3.12)",
            interp.implementation,
            interp.version_string,
            interp.executable.display()
        );
    }
    if minor < 6 {
        bail!(
            "{} {} at {} is too old for envreg: Python 3.5 and older reached end of life by \
             2020 and envreg is not tested with them (3.6 is the oldest supported); use a \
             newer interpreter (e.g. -p 3.12), or install one with 'pyenv install 3.12'",
            interp.implementation,
            interp.version_string,
            interp.executable.display()
        );
    }
    Ok(())
}
