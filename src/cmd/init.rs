//! `envreg init [SHELL]`: print the hook that defines `workon`, and the
//! completion for `envreg` (and with `--auto` the auto-activation hook).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::Init;
use crate::shell;

/// Print the embedded hook for the requested shell on stdout. Without a
/// shell name, use the detected one and say so on stderr. An unknown name
/// is a usage error (status 2) that lists the shells there are.
pub fn run(args: Init) -> Result<ExitCode> {
    let shell = match args.shell {
        Some(name) => match shell::parse(&name) {
            Some(shell) => shell,
            None => {
                crate::say!(
                    "envreg: unknown shell '{name}'; envreg supports {}",
                    shell::names()
                );
                return Ok(ExitCode::from(2));
            }
        },
        None => match shell::detect() {
            Some((shell, from)) => {
                crate::say!(
                    "envreg: detected {} (from {from}); pass the shell name to choose",
                    shell::name(shell)
                );
                shell
            }
            None => {
                crate::say!(
                    "envreg: could not tell which shell you use; pass its name \
                     ('envreg init bash'); envreg supports {}",
                    shell::names()
                );
                return Ok(ExitCode::from(2));
            }
        },
    };
    let mut text = shell::hook(shell);
    if args.vew {
        match shell::vew(shell) {
            Some(vew) => text.push_str(vew),
            None => {
                crate::say!(
                    "envreg: --vew (virtualenvwrapper's commands) is available for bash, zsh and fish, \
                     not {}",
                    shell::name(shell)
                );
                return Ok(ExitCode::from(2));
            }
        }
    }
    // After the hook and its completion: it calls `workon` and `deactivate`.
    if args.auto {
        match shell::auto(shell) {
            Some(auto) => text.push_str(auto),
            None => {
                crate::say!(
                    "envreg: --auto is not available for {} yet; it is for bash, zsh, fish, xonsh and nu",
                    shell::name(shell)
                );
                return Ok(ExitCode::from(2));
            }
        }
    }
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
