use std::process::ExitCode;

use anyhow::Result;

use crate::cli::Repair;
use crate::registry::Registry;

pub fn run(_registry: &Registry, _args: Repair) -> Result<ExitCode> {
    anyhow::bail!("not yet")
}
