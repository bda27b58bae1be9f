//! `envreg mv OLD NEW`: rename, with every path inside rewritten.

use anyhow::{Context, Result};

use crate::cli::Mv;
use crate::registry::{self, Registry, clone, name};

/// Copy OLD (rewritten) into a staging directory, then under the lock move
/// it to envs/NEW, move OLD aside and save the index (see
/// `registry::Locked::rename` and the table in the registry's docs).
pub fn run(registry: &Registry, args: Mv) -> Result<()> {
    name::check_new(&args.new)?;
    let (staging, entry) = registry
        .lock()?
        .stage_rename(&args.old, &args.new, args.force)?;
    let old_dir = registry.env_dir(&args.old);
    let new_dir = registry.env_dir(&args.new);
    let was_active = registry::is_active(&old_dir);
    clone::prepare(
        &old_dir,
        staging.dir(),
        &old_dir,
        &new_dir,
        &args.old,
        &args.new,
        entry.flags.prompt.as_deref(),
        &registry.home().cache_dir(),
        clone::Mode::Move,
    )
    .with_context(|| format!("cannot copy {}; nothing was renamed", old_dir.display()))?;
    crate::crash_point!("mv.copied");
    let renamed = registry
        .lock()?
        .rename(&args.old, &args.new, staging, &entry)?;
    renamed.finish();
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
