//! `envreg run NAME -- CMD…`: CMD with the environment active, no shell change.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::Path;
use std::process::Command;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::Run;
use crate::errors::hinted;
use crate::registry::status;
use crate::registry::{Entry, Registry, Venv};

/// Exit status of a shell for a command it cannot find / cannot execute.
pub const NOT_FOUND: u8 = 127;
pub const CANNOT_EXECUTE: u8 = 126;

pub fn run(registry: &Registry, args: Run) -> Result<ExitCode> {
    let index = registry.read_for(&args.name)?;
    let entry = Registry::get(&index, &args.name)?;
    let dir = registry.dir_of(&args.name, entry);
    if !args.force {
        usable(&args.name, &dir, entry, &mut HashMap::new())?;
    }
    registry.record_used(&args.name);
    let mut cmd = command(&args.command);
    activate(&mut cmd, &Venv::open(&dir), &args.name, entry);
    let err = exec(&mut cmd);
    Ok(not_run(&args.command[0], &err))
}

/// Refuse an environment that cannot work (broken, missing, interrupted),
/// with the reason. An incomplete one (its packages did not all install)
/// still runs.
pub fn usable(
    name: &str,
    dir: &Path,
    entry: &Entry,
    interpreters: &mut HashMap<std::path::PathBuf, bool>,
) -> Result<()> {
    refuse_unusable(name, dir, entry, interpreters, "nothing was run")
}

/// The error for an environment that cannot work: what is wrong, what was
/// not done (`not_done`), the command that fixes it, and `--force`.
pub fn refuse_unusable(
    name: &str,
    dir: &Path,
    entry: &Entry,
    interpreters: &mut HashMap<std::path::PathBuf, bool>,
    not_done: &str,
) -> Result<()> {
    let health = status::check(dir, entry, interpreters);
    if !health.unusable() {
        return Ok(());
    }
    let msg = format!(
        "'{name}' is {}: {}; {not_done}",
        health.status,
        health.reason.clone().unwrap_or_default()
    );
    let err = match health.fix(name) {
        Some(fix) => hinted(msg, format!("'{fix}' fixes it")),
        None => hinted(
            msg,
            "run any envreg command that changes the registry, then retry",
        ),
    };
    bail!(err.hint("or pass --force to use it anyway"))
}

pub fn command(argv: &[OsString]) -> Command {
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..]);
    cmd
}

/// What activating the environment does to a process's environment:
/// VIRTUAL_ENV, VIRTUAL_ENV_PROMPT, PATH with the scripts directory first,
/// no PYTHONHOME, and the variables of `envreg set --var`.
pub fn activate(cmd: &mut Command, venv: &Venv, name: &str, entry: &Entry) {
    let mut path = vec![venv.bin_dir()];
    if let Some(old) = std::env::var_os("PATH") {
        path.extend(std::env::split_paths(&old));
    }
    let path = std::env::join_paths(path).unwrap_or_else(|_| venv.bin_dir().into_os_string());
    cmd.env("VIRTUAL_ENV", &venv.dir)
        .env(
            "VIRTUAL_ENV_PROMPT",
            entry.flags.prompt.as_deref().unwrap_or(name),
        )
        .env("PATH", path)
        .env_remove("PYTHONHOME");
    for (k, v) in &entry.vars {
        cmd.env(k, v);
    }
}

/// Replace this process with `cmd`; returns only on failure.
#[cfg(unix)]
fn exec(cmd: &mut Command) -> std::io::Error {
    use std::os::unix::process::CommandExt;
    cmd.exec()
}

/// Without exec: run `cmd` and exit with its status.
#[cfg(not(unix))]
fn exec(cmd: &mut Command) -> std::io::Error {
    match cmd.status() {
        Ok(status) => std::process::exit(status.code().unwrap_or(1)),
        Err(err) => err,
    }
}

/// Say that a command could not be started; a shell's exit status for it
/// (127 not found, 126 otherwise).
pub fn not_run(program: &OsString, err: &std::io::Error) -> ExitCode {
    let shown = program.to_string_lossy();
    let shown = crate::ui::escape_controls(&shown);
    if err.kind() == std::io::ErrorKind::NotFound {
        crate::say!("envreg: {shown}: command not found");
        ExitCode::from(NOT_FOUND)
    } else {
        crate::say!("envreg: {shown}: cannot run it: {err}");
        ExitCode::from(CANNOT_EXECUTE)
    }
}
