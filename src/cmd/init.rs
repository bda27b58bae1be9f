//! `envreg init SHELL`: print the hook that defines `workon`.

use std::io::Write;

use anyhow::Result;

use crate::cli::Init;
use crate::shell;

/// Print the embedded hook for the requested shell on stdout.
pub fn run(args: Init) -> Result<()> {
    std::io::stdout()
        .lock()
        .write_all(shell::hook(args.shell).as_bytes())?;
    Ok(())
}
