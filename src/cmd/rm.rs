use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::cli::Rm;
use crate::registry::{self, Registry};

/// Remove environments. Every name is checked before anything is removed.
/// Under the lock each directory is moved to `envs/.trash-…` and its entry
/// dropped from the index; the trash is deleted after the lock is released.
pub fn run(registry: &Registry, args: Rm) -> Result<()> {
    let mut names: Vec<String> = Vec::new();
    for name in args.names {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    check(registry, &names, args.force)?;

    if !args.yes {
        if !std::io::stdin().is_terminal() {
            bail!(
                "not removing {} without confirmation: stdin is not a terminal; pass -y/--yes",
                quoted(&names)
            );
        }
        let confirmed = super::confirm::confirm(&format!("Remove {}?", quoted(&names)))
            .context("cannot ask for confirmation (pass -y/--yes to skip it)")?;
        if !confirmed {
            crate::say!("envreg: nothing removed");
            return Err(crate::cmd::Silent(1).into());
        }
    }

    let trash = {
        let mut locked = registry.lock()?;
        // Re-check under the lock: the index may have changed while we asked.
        check_index(&locked.index, &names, args.force)?;
        let envs_dir = locked.home().envs_dir();
        let removed: Vec<_> = names
            .iter()
            .filter_map(|name| locked.index.envs.remove(name).map(|e| (name, e)))
            .collect();
        // Save first: a run killed between the save and the moves leaves
        // directories that the next run registers again, never entries
        // without directories.
        locked.save()?;
        let mut trash = Vec::new();
        for (name, entry) in removed {
            if entry.managed && entry.path.exists() {
                trash.push(registry::to_trash(&envs_dir, &entry.path, name)?);
            }
        }
        trash
    };
    for dir in &trash {
        registry::empty_trash(dir);
    }
    for name in &names {
        crate::say!("envreg: removed '{name}'");
    }
    Ok(())
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check(registry: &Registry, names: &[String], force: bool) -> Result<()> {
    check_index(&registry.load()?, names, force)?;
    Ok(())
}

fn check_index(index: &registry::Index, names: &[String], force: bool) -> Result<()> {
    let active = std::env::var_os("VIRTUAL_ENV").map(PathBuf::from);
    for name in names {
        let entry = Registry::get(index, name).context("nothing was removed")?;
        if !force && active.as_deref().is_some_and(|a| same_dir(a, &entry.path)) {
            bail!(
                "'{name}' is the active environment ($VIRTUAL_ENV); run 'deactivate' first or pass --force; nothing was removed"
            );
        }
        if entry.managed && entry.path.exists() && !registry::is_venv(&entry.path) {
            bail!(
                "{} has no pyvenv.cfg, so it does not look like an environment; not deleting it. \
                 Nothing was removed",
                entry.path.display()
            );
        }
    }
    Ok(())
}

fn same_dir(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}
