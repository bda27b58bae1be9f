use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use super::confirm::quoted;
use crate::cli::Rm;
use crate::errors::hinted;
use crate::registry::Registry;

/// Remove environments: all or nothing. Every name is checked first; under
/// the lock each environment is moved aside and the index is saved (any
/// failure puts everything back); the moved directories are deleted after
/// the lock is released. See `registry::Locked::remove`.
pub fn run(registry: &Registry, args: Rm) -> Result<ExitCode> {
    let mut names: Vec<String> = Vec::new();
    for name in args.names {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    // Unknown names are refused before asking; everything else is checked
    // under the lock, where the answer cannot change any more.
    let index = registry.read()?;
    if args.temp {
        for (name, entry) in index.envs.iter().filter(|(_, e)| e.temp) {
            crate::say!(
                "envreg: temporary '{name}', created {}",
                super::view::format_time(Some(entry.created))
            );
            names.push(name.clone());
        }
        if names.is_empty() {
            crate::say!("envreg: no temporary environments");
            return Ok(ExitCode::SUCCESS);
        }
    }
    for name in &names {
        Registry::get(&index, name).context("nothing was removed")?;
    }

    if !args.yes {
        if !std::io::stdin().is_terminal() {
            bail!(hinted(
                format!(
                    "not removing {} without confirmation: stdin is not a terminal",
                    quoted(&names)
                ),
                "pass -y/--yes to remove without asking"
            ));
        }
        let question = match foreign_dirs(registry, &index, &names, args.delete) {
            dirs if dirs.is_empty() => format!("Remove {}?", quoted(&names)),
            dirs => format!("Remove {} and delete {}?", quoted(&names), dirs.join(", ")),
        };
        let confirmed = super::confirm::confirm_removal(&question)?;
        if !confirmed {
            crate::say!("envreg: nothing removed");
            return Ok(ExitCode::from(1));
        }
    }

    let removal = registry.lock()?.remove(&names, args.force, args.delete)?;
    for line in &removal.kept {
        crate::say!("envreg: {line}");
    }
    removal.finish(registry);
    for name in &names {
        crate::say!("envreg: removed '{name}'");
    }
    Ok(ExitCode::SUCCESS)
}

/// The directories of the unmanaged environments among `names` that
/// `--delete` would delete, for the question.
fn foreign_dirs(
    registry: &Registry,
    index: &crate::registry::Index,
    names: &[String],
    delete: bool,
) -> Vec<String> {
    if !delete {
        return Vec::new();
    }
    names
        .iter()
        .filter_map(|n| index.envs.get(n).map(|e| (n, e)))
        .filter(|(_, e)| !e.managed)
        .map(|(n, e)| registry.dir_of(n, e).display().to_string())
        .collect()
}
