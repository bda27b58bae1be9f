use std::io::Write;

use anyhow::Result;

use crate::cli::PathCmd;
use crate::registry::{self, Registry};

/// Print the environment's directory. With `--touch` (what `workon` passes)
/// also record it as used now.
pub fn run(registry: &Registry, args: PathCmd) -> Result<()> {
    let path = if args.touch {
        let mut locked = registry.lock()?;
        let path = Registry::get(&locked.index, &args.name)?.path.clone();
        if let Some(entry) = locked.index.envs.get_mut(&args.name) {
            entry.last_used = Some(registry::now());
        }
        locked.save()?;
        path
    } else {
        let index = registry.load()?;
        Registry::get(&index, &args.name)?.path.clone()
    };
    writeln!(std::io::stdout().lock(), "{}", path.display())?;
    Ok(())
}
