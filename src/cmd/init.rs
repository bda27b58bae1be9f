use anyhow::Result;

use crate::cli::Init;

pub fn run(args: Init) -> Result<()> {
    let _ = args;
    anyhow::bail!("'envreg init' is not implemented yet")
}
