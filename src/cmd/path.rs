use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::PathCmd;
use crate::errors::hinted;
use crate::registry::{Registry, Venv};

/// Print the environment's directory. With `--workon` (what the shell hooks'
/// `workon` passes) print the global hooks directory on a second line, the
/// environment's name on a third (NAME `.` is resolved from the current
/// directory), the project directory workon changes to on a fourth (empty
/// for none: no project, `--no-cd`, or ENVREG_WORKON_CD=0 without `--cd`),
/// then one `KEY=VALUE` line per variable of `envreg set --var` (for workon
/// to export and deactivate to restore), and record the environment as used
/// now (lock-free and silent): the hooks resolve no path themselves.
pub fn run(registry: &Registry, mut args: PathCmd) -> Result<()> {
    // `workon .`: the environment of the project the current directory is in.
    let index = if args.workon && args.name == "." {
        let index = registry.read()?;
        args.name = super::project::env_for_cwd(&index)?;
        index
    } else {
        registry.read_for(&args.name)?
    };
    let entry = Registry::get(&index, &args.name)?;
    let path = registry.dir_of(&args.name, entry);
    if path.symlink_metadata().is_err() {
        bail!(hinted(
            format!(
                "the directory of '{}' ({}) is gone",
                args.name,
                path.display()
            ),
            format!("'envreg rm {}' unregisters it", args.name)
        ));
    }
    if args.workon {
        if !args.force {
            super::run::refuse_unusable(
                &args.name,
                &path,
                entry,
                &mut std::collections::HashMap::new(),
                "workon did not activate it",
            )?;
        }
        let hooks = registry.home().hooks_dir();
        // The hooks split the output at the line break: a path holding one
        // would be read as something else.
        for (what, p) in [
            ("environment directory", &path),
            ("hooks directory", &hooks),
        ] {
            if p.as_os_str().as_encoded_bytes().contains(&b'\n') {
                bail!(
                    "the {what} {:?} contains a line break; workon cannot use it",
                    p.display().to_string()
                );
            }
        }
        // `set --var` refuses line breaks; an index written otherwise is
        // refused here rather than misread.
        if let Some(key) = entry.vars.iter().find(|(_, v)| v.contains(['\n', '\r'])) {
            bail!(hinted(
                format!(
                    "the value of variable {} of '{}' contains a line break; workon cannot export it",
                    key.0, args.name
                ),
                format!(
                    "'envreg set {} --var {}=VALUE' gives it a one-line value",
                    args.name, key.0
                )
            ));
        }
        let project = workon_project(&args, entry);
        let mut out = std::io::stdout().lock();
        for p in [&path, &hooks] {
            out.write_all(p.as_os_str().as_encoded_bytes())?;
            out.write_all(b"\n")?;
        }
        writeln!(out, "{}", args.name)?;
        if let Some(p) = project {
            out.write_all(p.as_os_str().as_encoded_bytes())?;
        }
        out.write_all(b"\n")?;
        for (k, v) in &entry.vars {
            writeln!(out, "{k}={v}")?;
        }
        out.flush()?;
        drop(out);
        registry.record_used(&args.name);
        return Ok(());
    }
    let venv = Venv::open(&path);
    let shown = if args.bin {
        venv.bin_dir()
    } else if args.python {
        venv.python()
    } else if args.site_packages {
        venv.site_packages().with_context(|| {
            format!(
                "'{}' has no site-packages directory under {}",
                args.name,
                path.display()
            )
        })?
    } else {
        path
    };
    writeln!(std::io::stdout().lock(), "{}", shown.display())?;
    Ok(())
}

/// The directory `workon` changes to: the project, unless told not to, or
/// when it is gone or cannot be passed on one line (then said on stderr).
fn workon_project<'e>(args: &PathCmd, entry: &'e crate::registry::Entry) -> Option<&'e Path> {
    let project = entry.project.as_deref()?;
    let wanted =
        args.cd || (!args.no_cd && std::env::var_os("ENVREG_WORKON_CD").is_none_or(|v| v != "0"));
    if !wanted {
        return None;
    }
    if project.as_os_str().as_encoded_bytes().contains(&b'\n') {
        crate::say!(
            "envreg: warning: the project directory of '{}' contains a line break; not changing to it",
            args.name
        );
        return None;
    }
    if !project.is_dir() {
        crate::say!(
            "envreg: warning: the project directory of '{}' ({}) is gone; staying here \
             ('envreg set {} --project DIR' or '--no-project' fixes it)",
            args.name,
            project.display(),
            args.name
        );
        return None;
    }
    Some(project)
}
