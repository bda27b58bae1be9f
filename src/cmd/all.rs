//! `envreg all [-j N] [--only A,B] -- CMD…`: CMD in every environment.
//!
//! Each environment's run has it active (see `run::activate`) and its
//! directory as working directory. Before each environment's output a
//! header line `==> NAME <==` goes to stderr. With one job, output streams
//! as it comes; with more, each run's stdout and stderr are held back and
//! printed whole (under one lock) when it ends, so lines of two
//! environments never interleave. Every environment is tried; the exit
//! status is 1 when any failed, and a summary names them.

use std::collections::HashMap;
use std::io::Write;
use std::process::{ExitStatus, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result};

use super::run::{activate, command, usable};
use crate::cli::All;
use crate::registry::{Registry, Venv};

pub fn run(registry: &Registry, args: All) -> Result<std::process::ExitCode> {
    let index = registry.read()?;
    let mut names: Vec<String> = Vec::new();
    if args.only.is_empty() {
        names.extend(index.envs.keys().cloned());
    } else {
        for name in &args.only {
            Registry::get(&index, name).context("nothing was run")?;
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    if names.is_empty() {
        crate::say!("envreg: no environments yet; create one with 'envreg mkenv NAME'");
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let jobs = (args.jobs as usize).min(names.len());
    let program = args.command[0].to_string_lossy().into_owned();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<(), String>)>> = Mutex::new(Vec::new());
    let print = Mutex::new(());
    let one = |i: usize| -> Result<(), String> {
        let name = &names[i];
        let entry = &index.envs[name];
        let dir = registry.dir_of(name, entry);
        usable(name, &dir, entry, &mut HashMap::new()).map_err(|e| format!("{e:#}"))?;
        let mut cmd = command(&args.command);
        activate(&mut cmd, &Venv::open(&dir), name, entry);
        cmd.current_dir(&dir).stdin(Stdio::null());
        if jobs == 1 {
            header(name);
            let status = cmd.status().map_err(|e| spawn_error(&program, &e))?;
            return outcome(status);
        }
        let out = cmd.output().map_err(|e| spawn_error(&program, &e));
        let _guard = print.lock().unwrap_or_else(|p| p.into_inner());
        header(name);
        let out = out?;
        let _ = std::io::stdout().lock().write_all(&out.stdout);
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().lock().write_all(&out.stderr);
        outcome(out.status)
    };
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= names.len() {
                        break;
                    }
                    let r = one(i);
                    if let Err(why) = &r {
                        crate::say!("envreg: {}: {why}", names[i]);
                    }
                    results
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push((i, r));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    results.sort_by_key(|(i, _)| *i);
    let failed: Vec<String> = results
        .iter()
        .filter_map(|(i, r)| r.as_ref().err().map(|why| format!("{} ({why})", names[*i])))
        .collect();
    if failed.is_empty() {
        crate::say!(
            "envreg: {program} succeeded in all {} environments",
            names.len()
        );
        return Ok(std::process::ExitCode::SUCCESS);
    }
    crate::say!(
        "envreg: {program} failed in {} of {} environments: {}",
        failed.len(),
        names.len(),
        failed.join(", ")
    );
    Ok(std::process::ExitCode::from(1))
}

fn header(name: &str) {
    crate::say!("envreg: ==> {name} <==");
}

fn spawn_error(program: &str, err: &std::io::Error) -> String {
    if err.kind() == std::io::ErrorKind::NotFound {
        format!("{program}: command not found")
    } else {
        format!("{program}: cannot run it: {err}")
    }
}

fn outcome(status: ExitStatus) -> Result<(), String> {
    if status.success() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return Err(format!("killed by signal {sig}"));
        }
    }
    Err(format!("exit {}", status.code().unwrap_or(1)))
}
