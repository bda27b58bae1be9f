//! `envreg doctor [NAME…] [--json] [--deep]`: every problem of every
//! environment, each with a machine-readable kind and the command that
//! fixes it. Without `--deep` no Python runs: the file system says it all.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use anyhow::Result;
use serde::Serialize;

use crate::cli::Doctor;
use crate::registry::status::{self, Status, same_file};
use crate::registry::{Entry, Registry, Venv};
use crate::ui::escape_controls;
use crate::venv::cfg;

/// What each base interpreter's version is now (patch None: only the minor is known).
pub type Versions = HashMap<PathBuf, Option<(u32, u32, Option<u32>)>>;

/// One thing wrong, and what fixes it.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// Machine-readable: see README "JSON fields".
    pub kind: &'static str,
    pub message: String,
    /// The command that fixes it, when there is one.
    pub fix: Option<String>,
}

/// One environment's check.
#[derive(Debug, Serialize)]
pub struct Report {
    pub name: String,
    pub path: String,
    pub status: Status,
    /// The version the environment was built for (pyvenv.cfg, else the index).
    pub python: String,
    pub problems: Vec<Problem>,
}

/// The whole answer of `doctor --json`.
#[derive(Debug, Serialize)]
struct Answer {
    envs: Vec<Report>,
    home: Home,
}

#[derive(Debug, Serialize)]
struct Home {
    path: String,
    problems: Vec<Problem>,
}

/// What the interpreter an environment links to is now, compared with
/// what the environment was built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The same version (or as far as can be told without running it).
    Same,
    /// Same major.minor, another patch release: re-pointing fixes it.
    Patch,
    /// Another major.minor: only a rebuild fixes it.
    Minor,
    /// The interpreter is gone.
    Gone,
}

/// Everything `doctor` and `repair` learn about one environment from its files.
pub struct Diagnosis {
    pub problems: Vec<Problem>,
    pub base: Base,
    /// The interpreter its python links to (resolved one level), if any.
    pub target: Option<PathBuf>,
    /// pyvenv.cfg's version, when it has one.
    pub cfg_version: Option<String>,
    /// What `ls` shows for it.
    pub status: Status,
}

pub fn run(registry: &Registry, args: Doctor) -> Result<ExitCode> {
    let index = registry.read_plain()?;
    for name in &args.names {
        Registry::get(&index, name)?;
    }
    let cache = registry.home().cache_dir();
    let mut interpreters = HashMap::new();
    let mut versions = HashMap::new();
    let mut reports = Vec::new();
    for (name, entry) in &index.envs {
        if !args.names.is_empty() && !args.names.contains(name) {
            continue;
        }
        let dir = registry.dir_of(name, entry);
        let d = diagnose(name, &dir, entry, &mut interpreters, &mut versions, &cache);
        let mut problems = d.problems.clone();
        if args.deep && problems.is_empty() {
            problems.extend(deep(name, &dir));
        }
        reports.push(Report {
            name: name.clone(),
            path: dir.display().to_string(),
            status: d.status,
            python: d
                .cfg_version
                .unwrap_or_else(|| entry.python.version.clone()),
            problems,
        });
    }
    let home = Home {
        path: registry.home().envs_dir().display().to_string(),
        problems: if args.names.is_empty() {
            home_problems(registry, &index)
        } else {
            Vec::new()
        },
    };
    let healthy = reports.iter().all(|r| r.problems.is_empty()) && home.problems.is_empty();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(
            &mut out,
            &Answer {
                envs: reports,
                home,
            },
        )?;
        writeln!(out)?;
    } else {
        print_table(&mut out, &reports, &home)?;
    }
    out.flush()?;
    Ok(if healthy {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print_table(out: &mut impl Write, reports: &[Report], home: &Home) -> Result<()> {
    let mut table = comfy_table::Table::new();
    table.load_preset(comfy_table::presets::NOTHING);
    table.set_header(["NAME", "PYTHON", "STATUS", "PROBLEM", "FIX"]);
    let mut bad = 0;
    for r in reports {
        if r.problems.is_empty() {
            table.add_row([r.name.as_str(), &r.python, "ok", "", ""]);
            continue;
        }
        bad += 1;
        for (i, p) in r.problems.iter().enumerate() {
            let (name, python, status) = if i == 0 {
                (r.name.as_str(), r.python.as_str(), r.status.to_string())
            } else {
                ("", "", String::new())
            };
            table.add_row([
                name,
                python,
                &status,
                &escape_controls(&p.message),
                p.fix.as_deref().unwrap_or("-"),
            ]);
        }
    }
    if !reports.is_empty() {
        writeln!(out, "{}", table.trim_fmt())?;
    }
    for p in &home.problems {
        writeln!(
            out,
            "home: {}{}",
            escape_controls(&p.message),
            p.fix
                .as_deref()
                .map(|f| format!(" (fix: {f})"))
                .unwrap_or_default()
        )?;
    }
    crate::say!(
        "envreg: {} environment{} checked, {bad} with problems{}",
        reports.len(),
        if reports.len() == 1 { "" } else { "s" },
        if home.problems.is_empty() {
            String::new()
        } else {
            format!(", {} in the home", home.problems.len())
        }
    );
    Ok(())
}

fn problem(kind: &'static str, message: String, fix: Option<String>) -> Problem {
    Problem { kind, message, fix }
}

/// Check one environment from its files alone. `interpreters` and
/// `versions` remember answers per base interpreter across environments.
pub fn diagnose(
    name: &str,
    dir: &Path,
    entry: &Entry,
    interpreters: &mut HashMap<PathBuf, bool>,
    versions: &mut Versions,
    cache: &Path,
) -> Diagnosis {
    let repair = Some(format!("envreg repair {name}"));
    let mut d = Diagnosis {
        problems: Vec::new(),
        base: Base::Same,
        target: None,
        cfg_version: None,
        status: Status::Ok,
    };
    let health = status::check(dir, entry, interpreters);
    d.status = health.status;
    match health.status {
        Status::Missing => {
            d.problems.push(problem(
                "missing",
                health.reason.clone().unwrap_or_default(),
                health.fix(name),
            ));
            d.base = Base::Gone;
            return d;
        }
        Status::Interrupted => {
            d.problems.push(problem(
                "interrupted",
                health.reason.clone().unwrap_or_default(),
                Some("envreg ls".into()),
            ));
            return d;
        }
        Status::Incomplete => d.problems.push(problem(
            "incomplete",
            format!(
                "{}; its packages may not all be installed",
                health.reason.clone().unwrap_or_default()
            ),
            health.fix(name),
        )),
        _ => {}
    }
    if entry.managed && entry.path != dir && !same_file(&entry.path, dir) {
        d.problems.push(problem(
            "moved",
            format!(
                "the index records it at {}, but it lives at {}",
                entry.path.display(),
                dir.display()
            ),
            repair.clone(),
        ));
    }
    let venv = Venv::open(dir);
    let python = venv.python();
    let cfg_text = std::fs::read_to_string(venv.cfg_path()).ok();
    let cfg_pairs = cfg_text.as_deref().map(cfg::parse).unwrap_or_default();
    let cfg_get = |key: &str| {
        cfg_pairs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.clone())
    };
    d.cfg_version = cfg_get("version").or_else(|| cfg_get("version_info"));
    if cfg_text.is_none() {
        d.problems.push(problem(
            "no_cfg",
            format!("{} is missing or unreadable", venv.cfg_path().display()),
            repair.clone(),
        ));
    }
    // The interpreter: bin/python links to it (absolute, or through sibling
    // links such as python3.12 -> python).
    let target = link_target(&python);
    if python.symlink_metadata().is_err() {
        d.problems.push(problem(
            "no_python",
            format!("it has no {}", python.display()),
            repair.clone(),
        ));
        d.base = Base::Gone;
    } else if python.metadata().is_err() {
        let shown = target
            .as_ref()
            .map(|t| t.display().to_string())
            .unwrap_or_else(|| python.display().to_string());
        d.problems.push(problem(
            "interpreter_gone",
            format!("its interpreter {shown} no longer exists"),
            repair.clone(),
        ));
        d.base = Base::Gone;
    } else if let Some(target) = &target {
        // Home: the directory of the interpreter it links to.
        if let (Some(home), Some(parent)) = (cfg_get("home"), target.parent())
            && Path::new(&home) != parent
            && !same_file(Path::new(&home), parent)
        {
            d.problems.push(problem(
                "cfg_home",
                format!(
                    "pyvenv.cfg says home = {home}, but its python links to {}",
                    target.display()
                ),
                repair.clone(),
            ));
        }
        let now = versions
            .entry(target.clone())
            .or_insert_with(|| {
                crate::python::known_version(target, cache)
                    .map(|(a, b, c)| (a, b, Some(c)))
                    .or_else(|| crate::python::minor_from_layout(target).map(|(a, b)| (a, b, None)))
            })
            .to_owned();
        let built = d
            .cfg_version
            .as_deref()
            .and_then(parse_version)
            .or_else(|| parse_version(&entry.python.version));
        if let (Some(now), Some(built)) = (now, built) {
            let shown_now = match now.2 {
                Some(p) => format!("{}.{}.{p}", now.0, now.1),
                None => format!("{}.{}", now.0, now.1),
            };
            if (now.0, now.1) != (built.0, built.1) {
                d.base = Base::Minor;
                d.problems.push(problem(
                    "minor_changed",
                    format!(
                        "it was built for Python {}.{}, but its interpreter {} is now {shown_now}",
                        built.0,
                        built.1,
                        target.display()
                    ),
                    repair.clone(),
                ));
            } else if now.2.is_some_and(|p| p != built.2) {
                d.base = Base::Patch;
                d.problems.push(problem(
                    "patch_changed",
                    format!(
                        "it was built for Python {}.{}.{}, its interpreter is now {shown_now}",
                        built.0, built.1, built.2
                    ),
                    repair.clone(),
                ));
            }
        }
        if d.base == Base::Same
            && &entry.python.executable != target
            && !same_file(&entry.python.executable, target)
        {
            d.problems.push(problem(
                "index_stale",
                format!(
                    "the index records the interpreter {}, but its python links to {}",
                    entry.python.executable.display(),
                    target.display()
                ),
                repair.clone(),
            ));
        }
    }
    for (script, named) in crate::registry::repair::foreign_shebangs(dir, &venv.bin_dir()) {
        d.problems.push(problem(
            "shebang",
            format!(
                "{} runs {}, which is not this environment's python",
                script.display(),
                named
            ),
            repair.clone(),
        ));
    }
    d.target = target;
    d
}

/// Where `python` (a venv's bin/python) leads: its link chain followed
/// within the directory, to the first absolute target. A copied launcher
/// is its own target.
pub fn link_target(python: &Path) -> Option<PathBuf> {
    let mut at = python.to_path_buf();
    for _ in 0..8 {
        match std::fs::read_link(&at) {
            Ok(t) if t.is_absolute() => return Some(t),
            Ok(t) => at = at.parent()?.join(t),
            Err(_) => return at.exists().then_some(at),
        }
    }
    None
}

/// "3.12.1" → (3, 12, 1); "3.13.0rc1" → (3, 13, 0).
pub fn parse_version(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.trim().split('.');
    let a = parts.next()?.parse().ok()?;
    let b = parts.next()?.parse().ok()?;
    let c: String = parts
        .next()
        .unwrap_or("0")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((a, b, c.parse().unwrap_or(0)))
}

/// `--deep`: run the environment's python, and `pip check` when it has pip.
fn deep(name: &str, dir: &Path) -> Vec<Problem> {
    let venv = Venv::open(dir);
    let python = venv.python();
    let mut found = Vec::new();
    let run = |args: &[&str]| {
        Command::new(&python)
            .args(args)
            .env_remove("PYTHONHOME")
            .env("VIRTUAL_ENV", dir)
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
            .stdin(Stdio::null())
            .output()
    };
    match run(&["-c", "import sys, site"]) {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            found.push(problem(
                "python_fails",
                format!(
                    "its python fails to start ({}): {}",
                    out.status,
                    last_line(&out.stderr)
                ),
                Some(format!("envreg repair {name}")),
            ));
            return found;
        }
        Err(err) => {
            found.push(problem(
                "python_fails",
                format!("its python cannot be run: {err}"),
                Some(format!("envreg repair {name}")),
            ));
            return found;
        }
    }
    if has_pip(&venv) {
        match run(&["-m", "pip", "check"]) {
            Ok(out) if out.status.success() => {}
            Ok(out) => found.push(problem(
                "pip_check",
                format!(
                    "pip check: {}",
                    String::from_utf8_lossy(&out.stdout)
                        .lines()
                        .chain(String::from_utf8_lossy(&out.stderr).lines())
                        .next()
                        .unwrap_or("failed")
                ),
                Some(format!("envreg run {name} -- python -m pip check")),
            )),
            Err(_) => {}
        }
    }
    found
}

fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

/// True when the environment has pip installed (not only envreg's stand-in).
pub fn has_pip(venv: &Venv) -> bool {
    venv.site_packages().is_some_and(|sp| {
        std::fs::read_dir(sp).is_ok_and(|rd| {
            rd.flatten().any(|e| {
                let n = e.file_name().to_string_lossy().to_ascii_lowercase();
                n.starts_with("pip-") && n.ends_with(".dist-info")
            })
        })
    })
}

/// Stale scratch directories and unregistered directories in `envs/`.
fn home_problems(registry: &Registry, index: &crate::registry::Index) -> Vec<Problem> {
    let (scratch, orphans) = registry.strays(index);
    let mut found = Vec::new();
    for (dir, trash) in scratch {
        let (kind, what) = if trash {
            (
                "stale_trash",
                "an environment removed by a run that was killed",
            )
        } else {
            ("stale_staging", "an environment a killed run was building")
        };
        found.push(problem(
            kind,
            format!("{} is {what}", dir.display()),
            Some("envreg gc".into()),
        ));
    }
    for (dir, venv) in orphans {
        if venv {
            found.push(problem(
                "unregistered_env",
                format!(
                    "{} is an environment the index does not list (an interrupted mkenv, \
                     or a lost index)",
                    dir.display()
                ),
                Some("envreg ls".into()),
            ));
        } else {
            found.push(problem(
                "orphan_dir",
                format!(
                    "{} is not an environment and not registered; move it out of the home \
                     or delete it",
                    dir.display()
                ),
                None,
            ));
        }
    }
    found
}
