//! envreg: a central registry of named Python virtual environments.
//!
//! This is the one place errors are printed and mapped to exit codes:
//! 0 success, 1 a user-facing failure, 2 a usage error (from clap); a
//! command may return another status as its value (130: a cancelled picker).
//! Errors are printed in the shape `errors` describes.

mod cli;
mod cmd;
mod completion;
mod crash;
mod errors;
mod fsutil;
mod home;
mod install;
mod python;
mod quote;
mod registry;
mod shell;
mod space;
mod ui;
mod usage;
mod venv;

use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Fix the start of this run: temporary files older than it are stale.
    fsutil::run_started();
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage::report(&err),
    };
    match cmd::run(cli.command) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            say!("{}", errors::render(&err));
            ExitCode::from(1)
        }
    }
}

/// Writing to a closed pipe (`envreg ls | head -1`) is not a failure.
/// serde_json wraps the io::Error in its own error type: look inside it too.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind);
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        io.or(json) == Some(ErrorKind::BrokenPipe)
    })
}
