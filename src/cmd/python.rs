//! `envreg python ls`: the interpreters envreg would find for `-p`.

use std::io::Write;

use anyhow::Result;
use comfy_table::{Table, presets};

use crate::cli::{PythonArgs, PythonCommand};
use crate::home::Home;
use crate::python;
use crate::ui::escape_controls;

pub fn run(args: PythonArgs) -> Result<()> {
    match args.command {
        PythonCommand::Ls { json } => ls(json),
    }
}

fn ls(json: bool) -> Result<()> {
    let home = Home::from_env()?;
    let found = python::list(&home.cache_dir());
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &found)?;
        writeln!(out)?;
        return Ok(());
    }
    if found.is_empty() {
        crate::say!(
            "envreg: no Python interpreters found on PATH, in pyenv's versions or among \
             uv-managed Pythons; install one (e.g. `uv python install 3.12`)"
        );
        return Ok(());
    }
    let mut table = Table::new();
    table.load_preset(presets::NOTHING);
    table.set_header(["IMPLEMENTATION", "VERSION", "SOURCE", "PATH"]);
    for item in &found {
        let mut version = item.version.clone();
        if item.free_threaded {
            version.push_str(" (free-threaded)");
        }
        let row = [
            item.implementation.clone(),
            version,
            item.source.to_string(),
            python::display_path(&item.path),
        ];
        table.add_row(row.iter().map(|cell| escape_controls(cell).into_owned()));
    }
    for line in table.lines() {
        let line = line.strip_prefix(' ').unwrap_or(&line);
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
