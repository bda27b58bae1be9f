use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use anyhow::Result;
use comfy_table::{Table, presets};
use serde::Serialize;

use crate::cli::Ls;
use crate::registry::status::{self, Status};
use crate::registry::{self, Entry, Registry};
use crate::ui::escape_controls;

/// One environment as `ls --json` and `show --json` print it. The field names
/// are a documented, stable interface (see README "JSON fields").
#[derive(Debug, Serialize)]
pub struct EnvView<'a> {
    pub name: &'a str,
    pub path: String,
    /// "ok", "broken", "missing", "incomplete" or "interrupted" (see README).
    pub status: Status,
    /// Why the status is not "ok".
    pub status_reason: Option<String>,
    /// Full Python version, e.g. "3.12.1".
    pub python: String,
    pub implementation: String,
    /// The base interpreter the environment links to.
    pub executable: String,
    /// What `-p` asked for, if anything.
    pub requested: Option<String>,
    /// RFC 3339, UTC.
    pub created: String,
    pub last_used: Option<String>,
    pub project: Option<String>,
    pub managed: bool,
    pub pip: bool,
    pub system_site_packages: bool,
    pub prompt: Option<String>,
}

fn path_string(p: &Path) -> String {
    p.display().to_string()
}

/// The first second RFC 3339 (four-digit years) cannot show: 10000-01-01.
const YEAR_10000: u64 = 253_402_300_800;

/// RFC 3339 in UTC, or "invalid time (N)" for a value no date can show
/// (a hand-edited or damaged index); never a panic.
fn rfc3339(secs: u64) -> String {
    if secs >= YEAR_10000 {
        return format!("invalid time ({secs})");
    }
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(secs)).to_string()
}

impl<'a> EnvView<'a> {
    pub fn new(
        registry: &Registry,
        name: &'a str,
        entry: &Entry,
        interpreters: &mut HashMap<PathBuf, bool>,
    ) -> Self {
        let dir = registry.dir_of(name, entry);
        let health = status::check(&dir, entry, interpreters);
        EnvView {
            name,
            path: path_string(&dir),
            status: health.status,
            status_reason: health.reason,
            python: entry.python.version.clone(),
            implementation: entry.python.implementation.clone(),
            executable: path_string(&entry.python.executable),
            requested: entry.python.requested.clone(),
            created: rfc3339(entry.created),
            last_used: entry.last_used.map(rfc3339),
            project: entry.project.as_deref().map(path_string),
            managed: entry.managed,
            pip: entry.flags.pip,
            system_site_packages: entry.flags.system_site_packages,
            prompt: entry.flags.prompt.clone(),
        }
    }
}

/// "just now", "5 min ago", "3 h ago", "2 days ago", else the date; "never".
pub fn format_time(secs: Option<u64>) -> String {
    let Some(secs) = secs else {
        return "never".into();
    };
    if secs >= YEAR_10000 {
        return rfc3339(secs);
    }
    let now = registry::now();
    if secs > now.saturating_add(60) {
        // In the future (a clock was wrong): the date, not "just now".
        return date(secs);
    }
    let ago = now.saturating_sub(secs);
    match ago {
        0..60 => "just now".into(),
        60..3600 => format!("{} min ago", ago / 60),
        3600..86400 => format!("{} h ago", ago / 3600),
        86400..2_592_000 => format!("{} days ago", ago / 86400),
        _ => date(secs),
    }
}

/// "2024-05-01"; the caller has checked that `secs` is a representable time.
fn date(secs: u64) -> String {
    let full = rfc3339(secs);
    full.get(..10).unwrap_or(&full).to_string()
}

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
            if is_active {
                format!("{name} *")
            } else {
                name.clone()
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
