//! `envreg wipe NAME`: uninstall everything but the seed, with the
//! environment's own pip.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::cli::Wipe;
use crate::registry::{Registry, Venv};

/// What envreg seeds, kept by wipe.
const SEED: &[&str] = &["pip", "setuptools"];

pub fn run(registry: &Registry, args: Wipe) -> Result<std::process::ExitCode> {
    let index = registry.read_for(&args.name)?;
    let entry = Registry::get(&index, &args.name)?;
    let dir = registry.dir_of(&args.name, entry);
    super::run::usable(&args.name, &dir, entry, &mut HashMap::new())?;
    let venv = Venv::open(&dir);
    let Some(site) = venv.site_packages() else {
        bail!("{} has no site-packages; nothing to wipe", dir.display());
    };
    let packages = installed(&site)?;
    if packages.is_empty() {
        crate::say!("envreg: '{}' has nothing but its seed installed", args.name);
        return Ok(std::process::ExitCode::SUCCESS);
    }
    if !has_pip(&site) {
        bail!(
            "'{}' has no pip to uninstall with; install it ('{} -m ensurepip') or start over \
             with 'envreg rm {}'",
            args.name,
            venv.python().display(),
            args.name
        );
    }
    let list = packages.join(", ");
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            bail!(
                "not uninstalling {list} from '{}' without confirmation: stdin is not a \
                 terminal; pass -y/--yes",
                args.name
            );
        }
        let question = format!("Uninstall {list} from '{}'?", args.name);
        let confirmed = super::confirm::confirm(&question)
            .context("cannot ask for confirmation (pass -y/--yes to skip it)")?;
        if !confirmed {
            crate::say!("envreg: nothing uninstalled");
            return Ok(std::process::ExitCode::from(1));
        }
    }
    let mut cmd = Command::new(venv.python());
    cmd.args(["-m", "pip", "uninstall", "--yes"])
        .args(&packages);
    super::run::activate(&mut cmd, &venv, &args.name, entry);
    cmd.env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .stdout(super::mkenv::stderr_as_stdio()?);
    let status = cmd
        .status()
        .with_context(|| format!("cannot run {}", venv.python().display()))?;
    if !status.success() {
        bail!("pip uninstall failed in '{}' ({status})", args.name);
    }
    crate::say!(
        "envreg: wiped '{}': uninstalled {}",
        args.name,
        packages.len()
    );
    Ok(std::process::ExitCode::SUCCESS)
}

/// The distributions in `site` (by their `.dist-info`/`.egg-info`
/// directory names) other than the seed, sorted.
fn installed(site: &std::path::Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for e in std::fs::read_dir(site)
        .with_context(|| format!("cannot read {}", site.display()))?
        .flatten()
    {
        let file = e.file_name();
        let file = file.to_string_lossy();
        let Some(stem) = file
            .strip_suffix(".dist-info")
            .or_else(|| file.strip_suffix(".egg-info"))
        else {
            continue;
        };
        let name = stem.split('-').next().unwrap_or(stem).to_string();
        let normal = name.to_ascii_lowercase().replace(['_', '.'], "-");
        if !SEED.contains(&normal.as_str()) && !names.contains(&name) {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

fn has_pip(site: &std::path::Path) -> bool {
    site.join("pip").is_dir()
}
