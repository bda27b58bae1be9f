//! `envreg mkproject NAME`: a project directory and an environment bound to
//! it. The shell hooks' `mkproject` then activates it and changes there.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use crate::cli::Mkproject;
use crate::errors::hinted;
use crate::registry::{Registry, name};

pub fn run(registry: &Registry, args: Mkproject) -> Result<()> {
    name::check_new(&args.name)?;
    let dir = match &args.dir {
        Some(dir) => {
            std::path::absolute(dir).with_context(|| format!("cannot resolve {}", dir.display()))?
        }
        None => {
            let Some(home) = std::env::var_os("PROJECT_HOME").filter(|h| !h.is_empty()) else {
                bail!(hinted(
                    "PROJECT_HOME is not set, so there is no place for the project directory",
                    "set PROJECT_HOME to the directory your projects live in, or pass --dir DIR"
                ));
            };
            let home =
                std::path::absolute(PathBuf::from(home)).context("cannot resolve PROJECT_HOME")?;
            if !home.is_dir() {
                bail!(hinted(
                    format!(
                        "PROJECT_HOME ({}) is not an existing directory",
                        home.display()
                    ),
                    "create it, set PROJECT_HOME to an existing directory, or pass --dir DIR"
                ));
            }
            home.join(&args.name)
        }
    };
    // Made here (and so removed again if the environment cannot be made),
    // or there already and accepted with -f (and then left alone).
    let made = match std::fs::create_dir(&dir) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            if !args.force {
                bail!(hinted(
                    format!("project directory {} exists already", dir.display()),
                    "pass -f to bind the new environment to it anyway"
                ));
            }
            false
        }
        Err(e) => bail!(hinted(
            format!("cannot create project directory {}: {e}", dir.display()),
            "check that its parent exists and is writable, or choose another with --dir"
        )),
    };
    let created = super::project::project_dir(&dir).and_then(|project| {
        let env = super::mkenv::create(
            registry,
            &args.name,
            false,
            Some(project.clone()),
            &args.opts,
        )?;
        Ok((project, env))
    });
    let project = match created {
        Ok((project, _)) => project,
        Err(err) => {
            // Only an empty directory is removed: never anything put there.
            if made && let Err(e) = std::fs::remove_dir(&dir) {
                crate::say!(
                    "envreg: warning: cannot remove the project directory {} again: {e}",
                    dir.display()
                );
            }
            return Err(err);
        }
    };
    if made {
        crate::say!("envreg: created project directory {}", project.display());
    }
    let shown = if args.workon {
        args.name.clone()
    } else {
        project.display().to_string()
    };
    if let Err(err) = writeln!(std::io::stdout().lock(), "{shown}")
        && err.kind() != std::io::ErrorKind::BrokenPipe
    {
        crate::say!("envreg: warning: cannot print {shown}: {err}");
    }
    if !args.workon {
        super::mkenv::hint_workon(&args.name);
    }
    Ok(())
}
