use std::io::Write;

use anyhow::Result;

use crate::cli::PathCmd;
use crate::registry::Registry;

/// Print the environment's directory. With `--touch` (what `workon` passes)
/// also record it as used now: lock-free and best effort.
pub fn run(registry: &Registry, args: PathCmd) -> Result<()> {
    let index = registry.read_for(&args.name)?;
    let entry = Registry::get(&index, &args.name)?;
    let dir = registry.dir_of(&args.name, entry);
    if dir.symlink_metadata().is_err() {
        anyhow::bail!(
            "the directory of '{}' ({}) is gone; 'envreg rm {}' unregisters it",
            args.name,
            dir.display(),
            args.name
        );
    }
    if args.touch {
        registry.record_used(&args.name);
    }
    writeln!(std::io::stdout().lock(), "{}", dir.display())?;
    Ok(())
}
