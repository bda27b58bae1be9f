//! `envreg mv OLD NEW`: rename, with every path inside rewritten.

use anyhow::Result;

use crate::cli::Mv;
use crate::registry::{self, Registry, name};

/// Rename in place under the lock (see `registry::rename` and the table in
/// the registry's docs).
pub fn run(registry: &Registry, args: Mv) -> Result<()> {
    name::check_new(&args.new)?;
    let old_dir = registry.env_dir(&args.old);
    let new_dir = registry.env_dir(&args.new);
    let was_active = registry::is_active(&old_dir);
    registry.lock()?.rename(&args.old, &args.new, args.force)?;
    crate::say!("envreg: renamed '{}' to '{}'", args.old, args.new);
    if was_active {
        crate::say!(
            "envreg: '{}' was the active environment; its old directory is gone: run \
             'workon {}'",
            args.old,
            args.new
        );
    }
    super::cp::print_dir(&new_dir);
    Ok(())
}
