use std::io::Write;

use anyhow::{Context, Result};

use crate::cli::PathCmd;
use crate::registry::{Registry, Venv};

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
    let venv = Venv::open(&dir);
    let shown = if args.bin {
        venv.bin_dir()
    } else if args.python {
        venv.python()
    } else if args.site_packages {
        venv.site_packages().with_context(|| {
            format!(
                "'{}' has no site-packages directory under {}",
                args.name,
                dir.display()
            )
        })?
    } else {
        dir
    };
    if args.touch {
        registry.record_used(&args.name);
    }
    writeln!(std::io::stdout().lock(), "{}", shown.display())?;
    Ok(())
}
