//! `envreg set NAME …`: change an environment's settings.

use anyhow::{Result, bail};

use crate::cli::Set;
use crate::errors::hinted;
use crate::registry::{Changes, Registry};

pub fn run(registry: &Registry, args: Set) -> Result<()> {
    let mut changes = Changes {
        system_site_packages: args.system_site_packages,
        prompt: args
            .prompt
            .map(|p| if p.is_empty() { None } else { Some(p) }),
        unset_vars: args.unset_vars,
        add_paths: args.add_paths,
        remove_paths: args.remove_paths,
        pip: args.pip,
        ..Changes::default()
    };
    for kv in &args.vars {
        let Some((k, v)) = kv.split_once('=') else {
            bail!("--var {kv:?}: write it as KEY=VALUE");
        };
        check_key(k)?;
        if v.contains(['\n', '\r']) {
            bail!(hinted(
                format!("--var {k}: the value contains a line break"),
                "workon passes each variable on one line; give a one-line value"
            ));
        }
        changes.set_vars.push((k.to_string(), v.to_string()));
    }
    for k in &changes.unset_vars {
        check_key(k)?;
    }
    if args.no_project {
        changes.project = Some(None);
    } else if let Some(dir) = &args.project {
        changes.project = Some(Some(super::project::project_dir(dir)?));
    }
    if changes.is_empty() {
        bail!(
            "nothing to change; see 'envreg set --help' (and 'envreg show {}' for the settings)",
            args.name
        );
    }
    registry.lock()?.update(&args.name, &changes)?;
    crate::say!("envreg: updated '{}'", args.name);
    Ok(())
}

/// An environment variable name a shell can export: [A-Za-z_][A-Za-z0-9_]*,
/// and not one activation itself manages.
fn check_key(k: &str) -> Result<()> {
    let mut chars = k.chars();
    let ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !ok {
        bail!(
            "{:?} is not a variable name a shell can export ([A-Za-z_][A-Za-z0-9_]*)",
            k
        );
    }
    if matches!(
        k,
        "PATH" | "VIRTUAL_ENV" | "VIRTUAL_ENV_PROMPT" | "PYTHONHOME"
    ) {
        bail!("{k} is set by activation itself; choose another variable");
    }
    Ok(())
}
