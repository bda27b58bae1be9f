//! `envreg adopt PATH [--name NAME]`: register an existing venv in place.

use anyhow::{Result, bail};

use crate::cli::Adopt;
use crate::errors::hinted;
use crate::registry::inplace::{self, Adopted};
use crate::registry::{Registry, name};

pub fn run(registry: &Registry, args: Adopt) -> Result<()> {
    let found = match inplace::inspect(&args.path, true) {
        Ok(found) => found,
        Err(why) => bail!(hinted(
            format!("cannot adopt: {why}"),
            "give the directory of a venv (the one holding pyvenv.cfg and bin/python)"
        )),
    };
    let name = match args.name {
        Some(n) => n,
        None => inplace::default_name(&found.dir),
    };
    if let Err(why) = name::validate(&name) {
        let msg = format!(
            "cannot adopt {} as '{}': {why}",
            found.dir.display(),
            name.escape_debug()
        );
        bail!(match inplace::suggest_valid(&name) {
            Some(ok) => hinted(msg, format!("choose a valid name, e.g. '--name {ok}'")),
            None => hinted(
                msg,
                "choose a name of letters, digits, '.', '_', '+' and '-' with '--name NAME'",
            ),
        });
    }
    match registry.lock()?.adopt(&name, &found)? {
        Adopted::Already(existing) => {
            crate::say!(
                "envreg: {} is already registered as '{existing}'; nothing changed",
                found.dir.display()
            );
        }
        Adopted::New(name) => {
            crate::say!(
                "envreg: registered '{name}' in place ({}, Python {}); 'envreg rm {name}' \
                 forgets it and leaves its files",
                found.dir.display(),
                found.entry.python.version
            );
            if let Some(project) = &found.entry.project {
                crate::say!("envreg: its project is {}", project.display());
            }
            if let Some(why) = &found.broken {
                crate::say!("envreg: warning: '{name}' is broken: {why}");
            }
        }
    }
    super::cp::print_dir(&found.dir);
    Ok(())
}
