//! `envreg pick` (hidden): the fuzzy picker behind a bare `workon` on a
//! terminal. The menu is drawn on stderr and keys are read from the terminal,
//! so the shell can capture the chosen name from stdout.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use dialoguer::console::Term;

use crate::errors::hinted;
use crate::registry::Registry;

/// Let the user choose an environment; print its name. Esc cancels
/// with exit status 1 and nothing on stdout; Ctrl-C with status 130.
pub fn run(registry: &Registry) -> Result<ExitCode> {
    let index = registry.read()?;
    let names: Vec<&String> = index.envs.keys().collect();
    if names.is_empty() {
        bail!(hinted(
            "no environments yet",
            "create one with 'envreg mkenv NAME'"
        ));
    }
    let term = Term::stderr();
    if !term.is_term() {
        bail!(hinted(
            "the picker needs a terminal on stderr",
            "'envreg ls --names' lists the names"
        ));
    }
    // dialoguer hides the cursor while the menu is up and shows it again
    // only on Enter or Esc. Ctrl-C raises SIGINT (the terminal's, or the one
    // console raises itself when it reads ^C in raw mode), which would end
    // the process with the cursor still hidden: show it, then exit.
    let _ = ctrlc::set_handler(|| {
        let _ = Term::stderr().show_cursor();
        std::process::exit(130);
    });
    let current = std::env::var_os("VIRTUAL_ENV").and_then(|active| {
        index
            .envs
            .iter()
            .position(|(name, entry)| registry.dir_of(name, entry).as_os_str() == active)
    });
    let chosen = dialoguer::FuzzySelect::with_theme(&dialoguer::theme::ColorfulTheme::default())
        .with_prompt("workon (Esc to cancel)")
        .items(&names)
        .default(current.unwrap_or(0))
        .interact_on_opt(&term);
    let chosen = match chosen {
        Ok(chosen) => chosen,
        Err(err) => {
            let _ = term.show_cursor();
            let dialoguer::Error::IO(io) = &err;
            if io.kind() == std::io::ErrorKind::Interrupted {
                return Ok(ExitCode::from(130));
            }
            return Err(err).context("could not read your choice from the terminal");
        }
    };
    match chosen {
        Some(i) => {
            writeln!(std::io::stdout().lock(), "{}", names[i])?;
            Ok(ExitCode::SUCCESS)
        }
        None => Ok(ExitCode::from(1)),
    }
}
