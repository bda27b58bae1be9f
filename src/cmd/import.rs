//! `envreg import [DIR…] [--move] [--dry-run] [--json]`: register every venv
//! of the stores other tools keep (virtualenvwrapper, virtualfish, pew,
//! pyenv-virtualenv), in place or moved into `envs/`.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use comfy_table::{Table, presets};
use serde::Serialize;

use crate::cli::Import;
use crate::registry::inplace::{self, Adopted, Found};
use crate::registry::{Index, Registry, is_venv, name};
use crate::ui::escape_controls;

/// One line of the report.
#[derive(Debug, Serialize)]
struct Row {
    source: String,
    name: Option<String>,
    /// "adopted", "moved", "skipped" or "failed"; with --dry-run "would
    /// adopt" / "would move".
    action: String,
    reason: Option<String>,
}

/// A venv found in a store, with the name its store gives it.
struct Candidate {
    source: PathBuf,
    name: String,
}

pub fn run(registry: &Registry, args: Import) -> Result<ExitCode> {
    let mut rows = Vec::new();
    let (candidates, looked) = find(&args.dirs, &mut rows);
    let total = candidates.len();
    let progress = std::io::stderr().is_terminal() && !args.json;
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut planned: HashSet<String> = HashSet::new();
    let index = registry.read()?;
    for (i, cand) in candidates.into_iter().enumerate() {
        let source = cand.source.display().to_string();
        let found = match inplace::inspect(&cand.source, false) {
            Ok(found) => found,
            Err(why) => {
                rows.push(row(&source, None, "skipped", Some(why.0)));
                continue;
            }
        };
        if !seen.insert(found.dir.clone()) {
            continue;
        }
        if let Some(done) = finish_interrupted_move(registry, &index, &found, args.dry_run) {
            rows.push(row(&source, None, "moved", Some(done)));
            continue;
        }
        if progress && args.move_in && !args.dry_run {
            crate::say!("envreg: [{}/{total}] {}", i + 1, source);
        }
        let r = if args.dry_run {
            plan(registry, &index, &cand, &found, args.move_in, &mut planned)
        } else {
            import_one(registry, &cand, &found, args.move_in)
                .unwrap_or_else(|err| row(&source, None, "failed", Some(format!("{err:#}"))))
        };
        rows.push(r);
    }
    if rows.is_empty() && !args.json {
        crate::say!(
            "envreg: found no venvs to import (looked in {})",
            looked
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        let mut table = Table::new();
        table.load_preset(presets::NOTHING);
        table.set_header(["SOURCE", "NAME", "ACTION", "REASON"]);
        for r in &rows {
            let cells = [
                r.source.clone(),
                r.name.clone().unwrap_or_else(|| "-".into()),
                r.action.clone(),
                r.reason.clone().unwrap_or_default(),
            ];
            table.add_row(cells.iter().map(|c| escape_controls(c).into_owned()));
        }
        for line in table.lines() {
            let line = line.strip_prefix(' ').unwrap_or(&line);
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    out.flush()?;
    let failed = rows.iter().any(|r| r.action == "failed");
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn row(source: &str, name: Option<&str>, action: &str, reason: Option<String>) -> Row {
    Row {
        source: source.to_string(),
        name: name.map(str::to_string),
        action: action.to_string(),
        reason,
    }
}

/// The stores to look in when no DIR is given.
fn default_stores() -> (Vec<PathBuf>, Option<PathBuf>) {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let nonempty = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let mut stores = Vec::new();
    match nonempty("WORKON_HOME") {
        Some(w) => stores.push(w),
        None => stores.extend(home.as_ref().map(|h| h.join(".virtualenvs"))),
    }
    stores.extend(home.as_ref().map(|h| h.join(".local/share/virtualenvs")));
    let pyenv = nonempty("PYENV_ROOT").or_else(|| home.map(|h| h.join(".pyenv")));
    (stores, pyenv)
}

/// Every candidate venv, in a stable order, and the places looked in.
fn find(dirs: &[PathBuf], rows: &mut Vec<Row>) -> (Vec<Candidate>, Vec<PathBuf>) {
    let mut out = Vec::new();
    let mut looked = Vec::new();
    if dirs.is_empty() {
        let (stores, pyenv) = default_stores();
        for store in stores {
            if store.is_dir() {
                scan_store(&store, &mut out, rows, false);
            }
            looked.push(store);
        }
        if let Some(root) = pyenv {
            let versions = root.join("versions");
            if versions.is_dir() {
                scan_pyenv(&versions, &mut out);
            }
            looked.push(versions);
        }
        return (out, looked);
    }
    for dir in dirs {
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
        looked.push(dir.clone());
        if is_venv(&dir) {
            out.push(Candidate {
                name: inplace::default_name(&dir),
                source: dir,
            });
        } else if dir.join("versions").is_dir() && !dir.join("versions").join("pyvenv.cfg").exists()
        {
            // A pyenv root.
            scan_pyenv(&dir.join("versions"), &mut out);
        } else if dir.is_dir() {
            scan_store(&dir, &mut out, rows, true);
        } else {
            let why = match inplace::inspect(&dir, false) {
                Err(e) => e.0,
                Ok(_) => format!("{} is not a store of venvs", dir.display()),
            };
            rows.push(row(&dir.display().to_string(), None, "skipped", Some(why)));
        }
    }
    (out, looked)
}

fn sorted_children(dir: &Path) -> Vec<PathBuf> {
    let mut children: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    children.sort();
    children
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The venvs in a store: its subdirectories with a pyvenv.cfg. Files (the
/// hook scripts virtualenvwrapper keeps there) and hidden entries are not
/// looked at; with `report`, other directories are reported as skipped.
fn scan_store(store: &Path, out: &mut Vec<Candidate>, rows: &mut Vec<Row>, report: bool) {
    for child in sorted_children(store) {
        let name = file_name(&child);
        if name.starts_with('.') || !child.is_dir() {
            continue;
        }
        if is_venv(&child) {
            out.push(Candidate {
                source: child,
                name,
            });
        } else if report || child.join("bin/activate").exists() {
            let why = inplace::inspect(&child, false)
                .err()
                .map_or_else(|| "not a venv".into(), |e| e.0);
            rows.push(row(
                &child.display().to_string(),
                None,
                "skipped",
                Some(why),
            ));
        }
    }
}

/// pyenv-virtualenv's venvs: `versions/NAME` links (and dirs) that are
/// venvs, then `versions/X.Y.Z/envs/NAME`.
fn scan_pyenv(versions: &Path, out: &mut Vec<Candidate>) {
    let children = sorted_children(versions);
    for child in &children {
        if is_venv(child) {
            out.push(Candidate {
                source: child.clone(),
                name: file_name(child),
            });
        }
    }
    for child in &children {
        if child.symlink_metadata().is_ok_and(|m| m.is_symlink()) {
            continue;
        }
        for env in sorted_children(&child.join("envs")) {
            if is_venv(&env) {
                out.push(Candidate {
                    name: file_name(&env),
                    source: env,
                });
            }
        }
    }
}

/// The name to register `raw` under: valid, and not `taken`; the reason
/// when it differs from `raw`.
fn pick_name(raw: &str, taken: impl Fn(&str) -> bool) -> (String, Option<String>) {
    let (base, mut reason) = match name::validate(raw) {
        Ok(()) => (raw.to_string(), None),
        Err(why) => {
            let ok = inplace::suggest_valid(raw).unwrap_or_else(|| "env".into());
            (
                ok.clone(),
                Some(format!(
                    "'{}' is not a valid name ({why}); imported as '{ok}'",
                    raw.escape_debug()
                )),
            )
        }
    };
    if !taken(&base) {
        return (base, reason);
    }
    for n in 2.. {
        let suffix = format!("-{n}");
        let stem: String = base.chars().take(name::MAX_LEN - suffix.len()).collect();
        let candidate = format!("{stem}{suffix}");
        if !taken(&candidate) {
            let clash =
                format!("'{base}' is taken by another environment; imported as '{candidate}'");
            reason = Some(match reason {
                Some(r) => format!("{r}; {clash}"),
                None => clash,
            });
            return (candidate, reason);
        }
    }
    unreachable!("some suffix is free")
}

fn join(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    }
}

/// What would be done (--dry-run): computed on the index as read.
fn plan(
    registry: &Registry,
    index: &Index,
    cand: &Candidate,
    found: &Found,
    move_in: bool,
    planned: &mut HashSet<String>,
) -> Row {
    let source = cand.source.display().to_string();
    let broken = found.broken.as_ref().map(|b| format!("broken: {b}"));
    if let Some((existing, managed)) = inplace::registered_name(registry, index, &found.dir) {
        if move_in && !managed {
            return row(
                &source,
                Some(&existing),
                "would move",
                Some("registered in place; would be moved into envs/".into()),
            );
        }
        return row(
            &source,
            Some(&existing),
            "skipped",
            Some(format!("already registered as '{existing}'")),
        );
    }
    let (name, reason) = pick_name(&cand.name, |n| {
        planned.iter().any(|p| p.eq_ignore_ascii_case(n))
            || index.envs.keys().any(|k| k.eq_ignore_ascii_case(n))
            || registry.env_dir(n).symlink_metadata().is_ok()
    });
    planned.insert(name.clone());
    let action = if move_in { "would move" } else { "would adopt" };
    row(&source, Some(&name), action, join(reason, broken))
}

/// Register (and with `move_in`, move) one venv.
fn import_one(registry: &Registry, cand: &Candidate, found: &Found, move_in: bool) -> Result<Row> {
    let source = cand.source.display().to_string();
    let broken = found.broken.as_ref().map(|b| format!("broken: {b}"));
    let (name, reason, already) = {
        let mut locked = registry.lock()?;
        if let Some(existing) = locked.name_of_dir(&found.dir) {
            (existing, None, true)
        } else {
            let (name, reason) = pick_name(&cand.name, |n| !locked.is_free(n));
            match locked.adopt(&name, found)? {
                Adopted::New(n) => (n, reason, false),
                Adopted::Already(n) => (n, None, true),
            }
        }
    };
    if !move_in {
        return Ok(if already {
            row(
                &source,
                Some(&name),
                "skipped",
                Some(format!("already registered as '{name}'")),
            )
        } else {
            row(&source, Some(&name), "adopted", join(reason, broken))
        });
    }
    let index = registry.read()?;
    if index.envs.get(&name).is_some_and(|e| e.managed) {
        return Ok(row(
            &source,
            Some(&name),
            "skipped",
            Some(format!("already registered as '{name}'")),
        ));
    }
    let (staging, entry) = registry.lock()?.stage_move_in(&name)?;
    let dest = registry.env_dir(&name);
    let stats = inplace::copy_in(
        registry,
        &found.dir,
        staging.dir(),
        &dest,
        &name,
        entry.flags.prompt.as_deref(),
    )
    .with_context(|| {
        format!(
            "cannot copy {} into envs/ (it stays registered in place as '{name}')",
            found.dir.display()
        )
    })?;
    crate::crash_point!("import.copied");
    let old = registry.lock()?.commit_move_in(&name, staging, &entry)?;
    let deleted = inplace::delete_moved(registry, &old);
    crate::crash_point!("import.deleted");
    let mut why = format!(
        "{} files, {} rewritten to the new path",
        stats.files, stats.rewritten
    );
    if already {
        why = format!("was registered in place; {why}");
    }
    if let Err(err) = deleted {
        why = format!("{why}; the old directory was kept: {err:#}");
    }
    Ok(row(
        &source,
        Some(&name),
        "moved",
        join(join(reason, Some(why)), broken),
    ))
}

/// `envreg import --move DIR` of the one venv `dir` as `name`, for the
/// registry's crash tests (`registry::crash_tests`).
#[cfg(test)]
pub(crate) fn move_one(registry: &Registry, dir: &std::path::Path, name: &str) -> Result<()> {
    let found = inplace::inspect(dir, false).map_err(|e| anyhow::anyhow!("{e}"))?;
    let cand = Candidate {
        source: dir.to_path_buf(),
        name: name.to_string(),
    };
    import_one(registry, &cand, &found, true).map(drop)
}

/// A venv whose `.envreg-moved` mark names a registered copy: an earlier
/// `import --move` was cut off before deleting it. Delete it now.
fn finish_interrupted_move(
    registry: &Registry,
    index: &Index,
    found: &Found,
    dry_run: bool,
) -> Option<String> {
    let to = inplace::moved_to(&found.dir)?;
    let (name, managed) = inplace::registered_name(registry, index, &to)?;
    if !managed {
        return None;
    }
    if dry_run {
        return Some(format!(
            "moved to '{name}' by an interrupted import; would delete this old copy"
        ));
    }
    Some(match inplace::delete_moved(registry, &found.dir) {
        Ok(()) => format!("moved to '{name}' by an interrupted import; deleted this old copy"),
        Err(err) => format!("moved to '{name}'; cannot delete this old copy: {err:#}"),
    })
}
