use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use comfy_table::{Table, presets};

use crate::cli::Ls;
use crate::cmd::view::{EnvView, format_time, path_string};
use crate::registry::status;
use crate::registry::{Entry, Registry};
use crate::ui::escape_controls;

pub fn run(registry: &Registry, args: Ls) -> Result<()> {
    let index = registry.read()?;
    // Buffered: one write for a thousand lines, not a thousand writes.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    print(registry, &index, &args, &mut out)?;
    out.flush()?;
    Ok(())
}

fn print(
    registry: &Registry,
    index: &crate::registry::Index,
    args: &Ls,
    out: &mut impl Write,
) -> Result<()> {
    let mut interpreters = HashMap::new();
    if args.names {
        for name in index.envs.keys() {
            writeln!(out, "{name}")?;
        }
        return Ok(());
    }
    if args.json {
        let views: Vec<_> = index
            .envs
            .iter()
            .map(|(name, entry)| EnvView::new(registry, name, entry, &mut interpreters))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &views)?;
        writeln!(out)?;
        return Ok(());
    }
    if index.envs.is_empty() {
        crate::say!("envreg: no environments yet\nhint: create one with 'envreg mkenv NAME'");
        return Ok(());
    }
    let active = std::env::var_os("VIRTUAL_ENV").map(std::path::PathBuf::from);
    let mut table = Table::new();
    table.load_preset(presets::NOTHING);
    let mut header = vec![
        "NAME",
        "PYTHON",
        "STATUS",
        "PROJECT",
        "CREATED",
        "LAST USED",
    ];
    // Where environments registered in place ('adopt', 'import') live;
    // --long shows every path anyway.
    let location = !args.long && index.envs.values().any(|e| !e.managed);
    if location {
        header.push("LOCATION");
    }
    if args.long {
        header.extend(["PATH", "INTERPRETER"]);
    }
    table.set_header(header);
    for (name, entry) in &index.envs {
        let dir = registry.dir_of(name, entry);
        let is_active = active.as_deref() == Some(dir.as_path());
        // Text from the index may hold control characters (a newline in a
        // project path, an escape sequence): shown escaped, always.
        let mut row: Vec<String> = vec![
            match (is_active, entry.temp) {
                (true, true) => format!("{name} * (temp)"),
                (true, false) => format!("{name} *"),
                (false, true) => format!("{name} (temp)"),
                (false, false) => name.clone(),
            },
            python_label(entry),
            status::check(&dir, entry, &mut interpreters)
                .status
                .to_string(),
            entry
                .project
                .as_deref()
                .map(path_string)
                .unwrap_or_else(|| "-".into()),
            format_time(Some(entry.created)),
            format_time(entry.last_used),
        ];
        if location {
            row.push(if entry.managed {
                "-".into()
            } else {
                path_string(&dir)
            });
        }
        if args.long {
            row.push(path_string(&dir));
            row.push(path_string(&entry.python.executable));
        }
        table.add_row(row.iter().map(|cell| escape_controls(cell).into_owned()));
    }
    for line in table.lines() {
        // The borderless preset pads every cell by one space on each side.
        let line = line.strip_prefix(' ').unwrap_or(&line);
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// "3.12.1" for CPython, "PyPy 3.9.18" for others.
fn python_label(entry: &Entry) -> String {
    match entry.python.implementation.as_str() {
        "CPython" => entry.python.version.clone(),
        other => format!("{other} {}", entry.python.version),
    }
}
