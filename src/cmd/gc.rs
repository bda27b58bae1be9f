//! `envreg gc [--unused-for DURATION] [--dry-run] [-y]`: remove what is left
//! over. Environments go through the registry's remove transaction (as
//! `rm`), scratch directories through its recovery, seed-cache entries
//! through the cache's own locks; nothing here touches `envs/` or the index.
//!
//! Everything is surveyed first without changing anything (that is all a
//! dry run does); removing environments needs a yes, as `rm` does.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicUsize;

use anyhow::{Result, bail};

use super::confirm::quoted;
use crate::cli::Gc;
use crate::cmd::view::{format_time, path_string};
use crate::errors::hinted;
use crate::registry::{self, Registry};
use crate::space::{self, human};
use crate::venv::seed;

/// Why an environment is collected.
#[derive(Clone, Copy)]
enum Why {
    Temp,
    /// Not used since (seconds since the epoch; created when never used).
    Unused(u64),
}

struct Candidate {
    name: String,
    why: Why,
    /// What removing it gives back.
    bytes: u64,
}

pub fn run(registry: &Registry, args: Gc) -> Result<ExitCode> {
    let index = registry.peek()?;
    let now = registry::now();
    let limit = args.unused_for.map(|d| d.as_secs());

    let mut chosen: Vec<(String, Why, PathBuf)> = Vec::new();
    for (name, entry) in &index.envs {
        let last = entry.last_used.unwrap_or(entry.created).max(entry.created);
        let why = if entry.temp {
            Why::Temp
        } else if let Some(limit) = limit
            && entry.managed
            && now.saturating_sub(last) >= limit
        {
            Why::Unused(last)
        } else {
            continue;
        };
        let dir = registry.dir_of(name, entry);
        if registry::is_active(&dir) {
            crate::say!("envreg: keeping '{name}': it is the active environment ($VIRTUAL_ENV)");
            continue;
        }
        chosen.push((name.clone(), why, dir));
    }
    let dirs: Vec<PathBuf> = chosen.iter().map(|(_, _, d)| d.clone()).collect();
    let usages = space::measure_all(&dirs, &AtomicUsize::new(0));
    // Links from the leaving environments do not keep a cache entry alive.
    let mut leaving: HashMap<(u64, u64), u64> = HashMap::new();
    for u in &usages {
        for f in &u.shared_files {
            *leaving.entry(f.id).or_default() += f.seen;
        }
    }
    let envs: Vec<Candidate> = chosen
        .into_iter()
        .zip(&usages)
        .map(|((name, why, _), u)| Candidate {
            name,
            why,
            bytes: u.own,
        })
        .collect();
    let scratch = registry.stale_scratch(&index);
    let cache_dir = registry.home().cache_dir();
    let cache = seed::garbage(&cache_dir, &leaving);

    // The list.
    for c in &envs {
        match c.why {
            Why::Temp => crate::say!(
                "envreg: temporary environment '{}', created {} ({})",
                c.name,
                format_time(index.envs.get(&c.name).map(|e| e.created)),
                human(c.bytes)
            ),
            Why::Unused(since) => crate::say!(
                "envreg: environment '{}', not used since {} ({})",
                c.name,
                format_time(Some(since)),
                human(c.bytes)
            ),
        }
    }
    for s in &scratch {
        let what = if s.restores {
            "interrupted removal (the next command puts the environment back)"
        } else if s.undeletable {
            "removed environment that could not be deleted"
        } else {
            "stale scratch directory"
        };
        crate::say!(
            "envreg: {what}: {} ({})",
            path_string(&s.path),
            human(s.bytes)
        );
    }
    for g in &cache {
        let what = if g.leftover {
            "unfinished seed-cache build"
        } else {
            "unused seed-cache entry"
        };
        crate::say!("envreg: {what}: {} ({})", g.stem, human(g.bytes));
    }
    let planned: u64 = envs.iter().map(|c| c.bytes).sum::<u64>()
        + scratch
            .iter()
            .filter(|s| !s.restores)
            .map(|s| s.bytes)
            .sum::<u64>()
        + cache.iter().map(|g| g.bytes).sum::<u64>();
    if envs.is_empty() && scratch.is_empty() && cache.is_empty() {
        crate::say!("envreg: nothing to collect");
        return Ok(ExitCode::SUCCESS);
    }
    if args.dry_run {
        crate::say!(
            "envreg: dry run: would free about {}; nothing was changed",
            human(planned)
        );
        return Ok(ExitCode::SUCCESS);
    }

    let names: Vec<String> = envs.iter().map(|c| c.name.clone()).collect();
    if !names.is_empty() && !args.yes {
        if !std::io::stdin().is_terminal() {
            bail!(hinted(
                format!(
                    "not removing {} without confirmation: stdin is not a terminal; nothing was \
                     changed",
                    quoted(&names)
                ),
                "pass -y/--yes to remove without asking, or --dry-run to only list"
            ));
        }
        let confirmed = super::confirm::confirm_removal(&format!("Remove {}?", quoted(&names)))?;
        if !confirmed {
            crate::say!("envreg: nothing removed");
            return Ok(ExitCode::from(1));
        }
    }

    // Environments, under the lock (whose recovery also clears stale
    // scratch directories), each checked again as the index is now.
    let mut freed = 0u64;
    let mut removed_envs = Vec::new();
    {
        let mut locked = registry.lock()?;
        let mut go = Vec::new();
        for c in &envs {
            let still = locked.entry(&c.name).is_some_and(|e| match c.why {
                Why::Temp => e.temp,
                Why::Unused(_) => {
                    let last = e.last_used.unwrap_or(e.created).max(e.created);
                    limit.is_some_and(|l| registry::now().saturating_sub(last) >= l)
                }
            });
            if still {
                go.push(c.name.clone());
                freed += c.bytes;
            } else {
                crate::say!(
                    "envreg: kept '{}': it was used or changed in the meantime",
                    c.name
                );
            }
        }
        locked.sweep();
        if !go.is_empty() {
            let removal = locked.remove(&go, false, false)?;
            drop(locked);
            for line in &removal.kept {
                crate::say!("envreg: {line}");
            }
            removal.finish(registry);
            for name in &go {
                crate::say!("envreg: removed '{name}'");
            }
            removed_envs = go;
        }
    }

    // Scratch: what the lock's recovery could not delete is still there.
    let left = registry.stale_scratch(&registry.peek()?);
    let mut cleared = 0usize;
    for s in &scratch {
        if left.iter().any(|l| l.path == s.path) {
            crate::say!(
                "envreg: cannot delete {}; delete it yourself",
                path_string(&s.path)
            );
        } else if !s.restores {
            freed += s.bytes;
            cleared += 1;
        }
    }

    // The cache, now that the removed environments no longer link to it.
    let mut cache_removed = 0usize;
    for g in &cache {
        match seed::remove_garbage(&cache_dir, g) {
            Ok(true) => {
                freed += g.bytes;
                cache_removed += 1;
            }
            Ok(false) => crate::say!("envreg: kept {}: it is in use", g.stem),
            Err(err) => crate::say!("envreg: warning: {err:#}"),
        }
    }
    crate::say!(
        "envreg: freed {}: {} environment{}, {} seed-cache entr{}, {} scratch director{}",
        human(freed),
        removed_envs.len(),
        if removed_envs.len() == 1 { "" } else { "s" },
        cache_removed,
        if cache_removed == 1 { "y" } else { "ies" },
        cleared,
        if cleared == 1 { "y" } else { "ies" },
    );
    Ok(ExitCode::SUCCESS)
}
