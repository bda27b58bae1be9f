use anyhow::Result;

use crate::cli::Activate;
use crate::registry::Registry;

pub fn run(registry: &Registry, args: Activate) -> Result<()> {
    let _ = (registry, args);
    anyhow::bail!("'envreg activate' is not implemented yet")
}
