//! The view model of `ls` and `show`: one environment as both print it,
//! and the time formats they share.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use serde::Serialize;

use crate::registry::status::{self, Status};
use crate::registry::{self, Entry, Registry};

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
    /// Made by `mkenv --temp`.
    pub temp: bool,
    /// Variables exported while it is active (`set --var`).
    pub vars: std::collections::BTreeMap<String, String>,
    /// Directories `set --add-path` put on sys.path (`show` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_paths: Option<Vec<String>>,
}

pub fn path_string(p: &Path) -> String {
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
            temp: entry.temp,
            vars: entry.vars.clone(),
            extra_paths: None,
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
