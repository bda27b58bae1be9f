use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::PathCmd;
use crate::registry::{self, Registry};

/// Print the environment's directory. With `--workon` (what the shell hooks'
/// `workon` passes) print the global hooks directory on a second line and
/// record the environment as used now: the hooks resolve no path themselves.
pub fn run(registry: &Registry, args: PathCmd) -> Result<()> {
    let index = registry.load()?;
    let path = Registry::get(&index, &args.name)?.path.clone();
    if !args.workon {
        writeln!(std::io::stdout().lock(), "{}", path.display())?;
        return Ok(());
    }
    let hooks = registry.home().hooks_dir();
    // The hooks split the output at the line break: a path holding one
    // would be read as something else.
    for (what, p) in [
        ("environment directory", &path),
        ("hooks directory", &hooks),
    ] {
        if p.as_os_str().as_encoded_bytes().contains(&b'\n') {
            bail!(
                "the {what} {:?} contains a line break; workon cannot use it",
                p.display().to_string()
            );
        }
    }
    let mut out = std::io::stdout().lock();
    for p in [&path, &hooks] {
        out.write_all(p.as_os_str().as_encoded_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    drop(out);
    record_used(registry, &args.name);
    Ok(())
}

/// Record `name` as used now, best effort: `workon` must not fail, nor print
/// anything, because the time could not be written.
pub fn record_used(registry: &Registry, name: &str) {
    let _ = try_record_used(registry, name);
}

fn try_record_used(registry: &Registry, name: &str) -> Result<()> {
    let mut locked = registry.lock()?;
    if let Some(entry) = locked.index.envs.get_mut(name) {
        entry.last_used = Some(registry::now());
    }
    locked.save()
}
