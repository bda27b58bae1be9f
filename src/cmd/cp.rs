//! `envreg cp SRC DST`: an independent copy with every path inside rewritten.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::Cp;
use crate::registry::{self, Entry, Registry, clone, name};

pub fn run(registry: &Registry, args: Cp) -> Result<()> {
    let index = registry.read()?;
    let (src_dir, src_name, template) = match index.envs.get(&args.src) {
        Some(entry) => {
            let dir = registry.dir_of(&args.src, entry);
            (dir, args.src.clone(), entry.clone())
        }
        None if looks_like_path(&args.src) => {
            let dir = std::path::absolute(&args.src)
                .with_context(|| format!("cannot resolve {}", args.src))?;
            let Some(entry) = registry::entry_for_venv(&dir) else {
                bail!(
                    "{} is not a virtual environment (no readable pyvenv.cfg); nothing was copied",
                    dir.display()
                );
            };
            let base = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (dir, base, entry)
        }
        None => bail!(
            "{}; to copy a venv that is not registered, give its path (e.g. ./{})",
            registry::unknown_message(&index, &args.src),
            args.src
        ),
    };
    let dst = match &args.dst {
        Some(d) => d.clone(),
        None if looks_like_path(&args.src) => src_name.clone(),
        None => bail!(
            "say what to call the copy: 'envreg cp {} NEW-NAME'",
            args.src
        ),
    };
    name::check_new(&dst)?;
    if src_dir.symlink_metadata().is_err() {
        bail!(
            "the directory of '{}' ({}) is gone; nothing to copy",
            args.src,
            src_dir.display()
        );
    }

    let staging = registry.lock()?.stage_copy(&dst)?;
    let final_dir = registry.env_dir(&dst);
    let stats = clone::prepare(
        &src_dir,
        staging.dir(),
        &src_dir,
        &final_dir,
        &src_name,
        &dst,
        template.flags.prompt.as_deref(),
        &registry.home().cache_dir(),
    )
    .with_context(|| format!("cannot copy {}; nothing was created", src_dir.display()))?;
    crate::crash_point!("cp.copied");
    let entry = Entry {
        path: final_dir.clone(),
        managed: true,
        created: registry::now(),
        last_used: None,
        incomplete: None,
        unrecorded: false,
        temp: false,
        // The links belong to the source: their .venv symlinks point at it.
        links: Vec::new(),
        ..template
    };
    registry.lock()?.copy(&dst, staging, entry)?;
    crate::say!(
        "envreg: copied '{}' to '{dst}' ({} files, {} rewritten to the new path, {} seed files shared)",
        args.src,
        stats.files,
        stats.rewritten,
        stats.linked
    );
    print_dir(&final_dir);
    Ok(())
}

/// A path, not a name: has a separator, or is `.`/`..`-relative.
pub fn looks_like_path(s: &str) -> bool {
    s.contains('/')
        || s.contains(std::path::MAIN_SEPARATOR)
        || s.starts_with('.')
        || s.starts_with('~')
}

/// Print `dir` on stdout; the registry has changed, so failing to print is
/// only a warning.
pub fn print_dir(dir: &Path) {
    if let Err(err) = writeln!(std::io::stdout().lock(), "{}", dir.display())
        && err.kind() != std::io::ErrorKind::BrokenPipe
    {
        crate::say!("envreg: warning: cannot print {}: {err}", dir.display());
    }
}
