//! `envreg du [NAME...] [--json]`: disk space per environment, the total
//! and the seed cache, hard links counted once (see `crate::space`).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use comfy_table::{CellAlignment, Table, presets};
use serde::Serialize;

use crate::cli::Du;
use crate::cmd::view::path_string;
use crate::errors::hinted;
use crate::registry::{Registry, unknown_message};
use crate::space::{self, Usage, human};
use crate::ui::escape_controls;

#[derive(Serialize)]
struct EnvSpace {
    name: String,
    path: String,
    bytes: u64,
    own: u64,
    shared: u64,
    exists: bool,
}

#[derive(Serialize)]
struct CacheSpace {
    path: String,
    bytes: u64,
    shared: u64,
}

#[derive(Serialize)]
struct Report {
    envs: Vec<EnvSpace>,
    envs_total: u64,
    cache: CacheSpace,
    total: u64,
}

pub fn run(registry: &Registry, args: Du) -> Result<()> {
    let index = registry.read()?;
    let mut names: Vec<String> = Vec::new();
    if args.names.is_empty() {
        names.extend(index.envs.keys().cloned());
    } else {
        let unknown: Vec<&String> = args
            .names
            .iter()
            .filter(|n| !index.envs.contains_key(*n))
            .collect();
        match unknown.as_slice() {
            [] => {}
            [one] => bail!(unknown_message(&index, one)),
            many => bail!(hinted(
                format!(
                    "no environments named {}",
                    many.iter()
                        .map(|n| format!("'{n}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "'envreg ls' lists the environments"
            )),
        }
        for name in args.names {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    let mut roots: Vec<PathBuf> = names
        .iter()
        .map(|n| registry.dir_of(n, &index.envs[n]))
        .collect();
    let cache_dir = registry.home().cache_dir();
    roots.push(cache_dir.clone());

    let mut usages = measure_with_progress(&roots);
    let cache = usages.pop().unwrap_or_default();
    let envs_total = space::union(&usages);
    let total = space::union(usages.iter().chain([&cache]));
    let mut envs: Vec<(EnvSpace, &Usage)> = names
        .into_iter()
        .zip(roots)
        .zip(&usages)
        .map(|((name, dir), u)| {
            (
                EnvSpace {
                    name,
                    path: path_string(&dir),
                    bytes: u.bytes(),
                    own: u.own,
                    shared: u.shared,
                    exists: u.exists,
                },
                u,
            )
        })
        .collect();
    envs.sort_by(|(a, _), (b, _)| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    for (e, u) in &envs {
        if u.unreadable > 0 {
            crate::say!(
                "envreg: warning: {} entries under {} could not be read; its size is a lower bound",
                u.unreadable,
                e.path
            );
        }
    }
    let report = Report {
        envs: envs.into_iter().map(|(e, _)| e).collect(),
        envs_total,
        cache: CacheSpace {
            path: path_string(&cache_dir),
            bytes: cache.bytes(),
            shared: cache.shared,
        },
        total,
    };

    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print_table(&report, &mut out)?;
    }
    out.flush()?;
    Ok(())
}

fn print_table(report: &Report, out: &mut impl Write) -> Result<()> {
    if !report.envs.is_empty() {
        let mut table = Table::new();
        table.load_preset(presets::NOTHING);
        table.set_header(["NAME", "SIZE", "OWN", "SHARED"]);
        for e in &report.envs {
            let name = if e.exists {
                e.name.clone()
            } else {
                format!("{} (missing)", e.name)
            };
            table.add_row([
                escape_controls(&name).into_owned(),
                human(e.bytes),
                human(e.own),
                human(e.shared),
            ]);
        }
        for i in 1..4 {
            if let Some(col) = table.column_mut(i) {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        for line in table.lines() {
            let line = line.strip_prefix(' ').unwrap_or(&line);
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
    }
    let count = report.envs.len();
    writeln!(
        out,
        "{count} environment{}: {} (shared files counted once)",
        if count == 1 { "" } else { "s" },
        human(report.envs_total)
    )?;
    writeln!(
        out,
        "cache: {} ({} of it also linked from environments)",
        human(report.cache.bytes),
        human(report.cache.shared)
    )?;
    writeln!(out, "total: {}", human(report.total))?;
    Ok(())
}

/// Measure `roots`; on a terminal, a count on stderr once it takes > 1 s.
fn measure_with_progress(roots: &[PathBuf]) -> Vec<Usage> {
    let done = AtomicUsize::new(0);
    let (finished, wait) = mpsc::channel::<()>();
    let show = std::io::stderr().is_terminal();
    let done = &done;
    std::thread::scope(|scope| {
        if show {
            scope.spawn(move || {
                let start = Instant::now();
                let mut shown = false;
                while let Err(RecvTimeoutError::Timeout) =
                    wait.recv_timeout(Duration::from_millis(100))
                {
                    if start.elapsed() >= Duration::from_secs(1) {
                        let mut err = std::io::stderr().lock();
                        let _ = write!(
                            err,
                            "\renvreg: measuring {}/{}",
                            done.load(Ordering::Relaxed),
                            roots.len()
                        );
                        let _ = err.flush();
                        shown = true;
                    }
                }
                if shown {
                    let mut err = std::io::stderr().lock();
                    let _ = write!(err, "\r\x1b[K");
                    let _ = err.flush();
                }
            });
        }
        let usages = space::measure_all(roots, done);
        drop(finished);
        usages
    })
}
