//! `envreg link [NAME] [DIR]` and `envreg unlink [DIR]`: a project's
//! `.venv` as a symlink to a registered environment (see registry::links).

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::cli::{Link, Unlink};
use crate::errors::hinted;
use crate::registry::links::{Linked, Unlinked, VENV};
use crate::registry::{Registry, name, same_dir};

pub fn link(registry: &Registry, args: Link) -> Result<()> {
    // `envreg link ./web`: a single argument that cannot be a name is DIR.
    let (name, dir) = match (args.name, args.dir) {
        (Some(one), None) if name::validate(&one).is_err() => (None, Some(PathBuf::from(one))),
        other => other,
    };
    let dir = resolve_dir(dir)?;
    let name = match name {
        Some(name) => name,
        None => active_name(registry)?,
    };
    let outcome = registry.lock()?.link(&name, &dir, args.force)?;
    let link = dir.join(VENV);
    match outcome {
        Linked::Created => crate::say!("envreg: linked {} to '{name}'", link.display()),
        Linked::Already => crate::say!(
            "envreg: {} already links to '{name}'; nothing to do",
            link.display()
        ),
        Linked::Replaced(Some(old)) => crate::say!(
            "envreg: linked {} to '{name}' (it linked to '{old}')",
            link.display()
        ),
        Linked::Replaced(None) => crate::say!(
            "envreg: linked {} to '{name}' (its old target was gone)",
            link.display()
        ),
    }
    Ok(())
}

pub fn unlink(registry: &Registry, args: Unlink) -> Result<()> {
    let dir = resolve_dir(args.dir)?;
    let outcome = registry.lock()?.unlink(&dir)?;
    let link = dir.join(VENV);
    match outcome {
        Unlinked::Removed(Some(name)) => {
            crate::say!("envreg: removed {} (it linked to '{name}')", link.display())
        }
        Unlinked::Removed(None) => crate::say!("envreg: removed {}", link.display()),
        Unlinked::Forgotten(name) => crate::say!(
            "envreg: {} was already gone; {} is no longer bound to '{name}'",
            link.display(),
            dir.display()
        ),
    }
    Ok(())
}

/// `dir` (default: the current directory) as an absolute path, checked to
/// be a directory. `.` and `..` are resolved; symlinks on the way are kept,
/// as the shell's `$PWD` keeps them (the projects file lists both forms).
fn resolve_dir(dir: Option<PathBuf>) -> Result<PathBuf> {
    let dir = dir.unwrap_or_else(|| PathBuf::from("."));
    let abs = if dir.components().any(|c| c == Component::ParentDir) {
        dir.canonicalize()
            .with_context(|| format!("cannot resolve {}", dir.display()))?
    } else {
        let cwd_logical = std::env::var_os("PWD")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute() && same_dir(p, Path::new(".")));
        match (dir.is_absolute(), cwd_logical) {
            (false, Some(cwd)) => clean(&cwd.join(&dir)),
            _ => clean(
                &std::path::absolute(&dir)
                    .with_context(|| format!("cannot resolve {}", dir.display()))?,
            ),
        }
    };
    if !abs.is_dir() {
        bail!(hinted(
            format!("{} is not a directory", abs.display()),
            "give the project directory that should get the '.venv' link"
        ));
    }
    Ok(abs)
}

/// `p` without `.` components and trailing separators.
fn clean(p: &Path) -> PathBuf {
    p.components().filter(|c| *c != Component::CurDir).collect()
}

/// The registered environment that is active ($VIRTUAL_ENV).
fn active_name(registry: &Registry) -> Result<String> {
    let Some(active) = std::env::var_os("VIRTUAL_ENV").filter(|v| !v.is_empty()) else {
        bail!(hinted(
            "no environment named and none is active",
            "name one: 'envreg link NAME [DIR]'"
        ));
    };
    let active = PathBuf::from(active);
    let index = registry.read()?;
    index
        .envs
        .iter()
        .find(|(n, e)| same_dir(&registry.dir_of(n, e), &active))
        .map(|(n, _)| n.clone())
        .ok_or_else(|| {
            hinted(
                format!(
                    "the active environment {} is not registered with envreg",
                    active.display()
                ),
                "name a registered one: 'envreg link NAME [DIR]' ('envreg ls' lists them)",
            )
            .into()
        })
}
