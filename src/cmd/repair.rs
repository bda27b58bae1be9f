//! `envreg repair [NAME…|--all] [-p SPEC] [--dry-run] [--allow-partial]`:
//! re-point an environment at its upgraded or moved interpreter, or rebuild
//! it with the same packages on another one (see `registry::repair`).

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use anyhow::{Context, Result, bail};

use super::doctor::{self, Base};
use crate::cli::Repair;
use crate::errors::hinted;
use crate::python::{self, Interpreter};
use crate::registry::{Entry, PythonRecord, Registry, Venv};

/// What one environment needs.
enum Plan {
    Nothing,
    Repoint(Interpreter),
    Rebuild(Interpreter, Vec<Dist>),
    /// Cannot be repaired, and why.
    Cannot(String),
}

/// An installed distribution, as its *.dist-info says.
#[derive(Debug, Clone)]
struct Dist {
    name: String,
    version: String,
    /// What pip is given to install it again.
    requirement: Vec<String>,
}

pub fn run(registry: &Registry, args: Repair) -> Result<ExitCode> {
    let index = registry.read()?;
    let names: Vec<String> = if args.all {
        index.envs.keys().cloned().collect()
    } else {
        for name in &args.names {
            Registry::get(&index, name)?;
        }
        args.names.clone()
    };
    let cache = registry.home().cache_dir();
    let forced = match &args.python {
        Some(spec) => {
            let interp = python::find(Some(spec), &cache)?;
            crate::venv::check_supported(&interp)?;
            Some(interp)
        }
        None => None,
    };
    let mut failed = Vec::new();
    let mut counts = [0usize; 3];
    for name in &names {
        let entry = &index.envs[name];
        let plan = plan(registry, name, entry, forced.as_ref(), &cache);
        let dir = registry.dir_of(name, entry);
        let result = match plan {
            Plan::Nothing => {
                if !args.all || args.dry_run {
                    crate::say!("envreg: {name}: nothing to repair");
                }
                counts[0] += 1;
                Ok(())
            }
            Plan::Cannot(why) => Err(anyhow::anyhow!(why)),
            Plan::Repoint(interp) => {
                counts[1] += 1;
                crate::say!(
                    "envreg: {name}: {} to {} {} at {}",
                    if args.dry_run {
                        "would re-point"
                    } else {
                        "re-pointing"
                    },
                    interp.implementation,
                    interp.version_string,
                    interp.executable.display()
                );
                if args.dry_run {
                    Ok(())
                } else {
                    registry.lock()?.repoint(name, &interp)
                }
            }
            Plan::Rebuild(interp, dists) => {
                counts[2] += 1;
                let listed: Vec<String> = dists
                    .iter()
                    .map(|d| format!("{}=={}", d.name, d.version))
                    .collect();
                crate::say!(
                    "envreg: {name}: {} on {} {} with {} package{}{}{}",
                    if args.dry_run {
                        "would rebuild"
                    } else {
                        "rebuilding"
                    },
                    interp.implementation,
                    interp.version_string,
                    dists.len(),
                    if dists.len() == 1 { "" } else { "s" },
                    if dists.is_empty() { "" } else { ": " },
                    listed.join(" ")
                );
                if args.dry_run {
                    Ok(())
                } else {
                    rebuild(
                        registry,
                        name,
                        &dir,
                        entry,
                        (&interp, args.python.as_deref()),
                        &dists,
                        args.allow_partial,
                    )
                }
            }
        };
        if let Err(err) = result {
            crate::say!("envreg: {name}: {}", crate::errors::render(&err));
            failed.push(name.clone());
        }
    }
    if names.len() > 1 {
        crate::say!(
            "envreg: {} environment{}: {} fine, {} re-pointed, {} rebuilt{}, {} failed{}",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            counts[0],
            counts[1],
            counts[2],
            if args.dry_run { " (dry run)" } else { "" },
            failed.len(),
            if failed.is_empty() {
                String::new()
            } else {
                format!(": {}", failed.join(", "))
            }
        );
    }
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn plan(
    registry: &Registry,
    name: &str,
    entry: &Entry,
    forced: Option<&Interpreter>,
    cache: &Path,
) -> Plan {
    let dir = registry.dir_of(name, entry);
    if dir.symlink_metadata().is_err() {
        return Plan::Cannot(format!(
            "its directory {} is gone; nothing to repair ('envreg rm {name}' unregisters it)",
            dir.display()
        ));
    }
    let d = doctor::diagnose(
        name,
        &dir,
        entry,
        &mut HashMap::new(),
        &mut HashMap::new(),
        cache,
    );
    let dists = || read_dists(&Venv::open(&dir));
    if let Some(interp) = forced {
        return Plan::Rebuild(interp.clone(), dists());
    }
    if d.problems.is_empty() {
        return Plan::Nothing;
    }
    // What a re-point or rebuild cannot fix: an install that did not finish
    // (its packages are unknown) or an env a killed run left unrecorded.
    if d.problems
        .iter()
        .all(|p| matches!(p.kind, "incomplete" | "interrupted"))
    {
        return Plan::Cannot(format!(
            "{}; repair does not finish installs ('envreg rm {name}' starts over)",
            d.problems[0].message
        ));
    }
    let built = d
        .cfg_version
        .as_deref()
        .and_then(doctor::parse_version)
        .or_else(|| doctor::parse_version(&entry.python.version));
    let python2 = built.is_some_and(|v| v.0 == 2);
    match d.base {
        Base::Same | Base::Patch => match d
            .target
            .as_ref()
            .map(|t| python::find(Some(&t.to_string_lossy()), cache))
        {
            Some(Ok(interp)) if !python2 => Plan::Repoint(interp),
            Some(Ok(interp)) => Plan::Rebuild(interp, dists()),
            Some(Err(err)) => Plan::Cannot(format!("its interpreter does not answer: {err:#}")),
            None => Plan::Cannot("it has no python to repair".into()),
        },
        Base::Minor => match d
            .target
            .as_ref()
            .map(|t| python::find(Some(&t.to_string_lossy()), cache))
        {
            Some(Ok(interp)) => Plan::Rebuild(interp, dists()),
            _ => Plan::Cannot("its interpreter changed and does not answer; pass -p".into()),
        },
        Base::Gone => {
            let Some((major, minor, _)) = built else {
                return Plan::Cannot(
                    "its Python version is unknown (no pyvenv.cfg); pass -p to rebuild it".into(),
                );
            };
            let same_impl = |i: &Interpreter| {
                i.implementation
                    .eq_ignore_ascii_case(&entry.python.implementation)
            };
            match python::find(Some(&format!("{major}.{minor}")), cache) {
                Ok(interp) if same_impl(&interp) && !python2 => Plan::Repoint(interp),
                Ok(interp) if same_impl(&interp) => Plan::Rebuild(interp, dists()),
                _ => match python::find(Some(&major.to_string()), cache) {
                    Ok(interp) => Plan::Rebuild(interp, dists()),
                    Err(_) => Plan::Cannot(format!(
                        "Python {major}.{minor} is gone and no other Python {major} was found; \
                         pass -p to rebuild it on another interpreter"
                    )),
                },
            }
        }
    }
}

/// The distributions installed in `venv`, but those envreg seeded (pip,
/// setuptools: the new environment gets its own) and pip itself.
fn read_dists(venv: &Venv) -> Vec<Dist> {
    let Some(site) = venv.site_packages() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for e in std::fs::read_dir(&site).into_iter().flatten().flatten() {
        let fname = e.file_name().to_string_lossy().into_owned();
        if !fname.ends_with(".dist-info") {
            continue;
        }
        let di = e.path();
        let installer = std::fs::read_to_string(di.join("INSTALLER")).unwrap_or_default();
        if installer.trim() == "envreg" {
            continue;
        }
        let Ok(meta) = std::fs::read_to_string(di.join("METADATA")) else {
            continue;
        };
        let field = |key: &str| {
            meta.lines()
                .take_while(|l| !l.is_empty())
                .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
        };
        let (Some(name), Some(version)) = (field("Name:"), field("Version:")) else {
            continue;
        };
        if name.eq_ignore_ascii_case("pip") {
            continue;
        }
        let requirement = match direct_url(&di.join("direct_url.json")) {
            Some((url, true)) => vec!["-e".to_string(), url],
            Some((url, false)) => vec![format!("{name} @ {url}")],
            None => vec![format!("{name}=={version}")],
        };
        found.push(Dist {
            name,
            version,
            requirement,
        });
    }
    found.sort_by_key(|d| d.name.to_lowercase());
    found
}

/// A direct_url.json's URL for a local install (`file://`), and whether it
/// is editable; None for anything installed from an index.
fn direct_url(path: &Path) -> Option<(String, bool)> {
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let url = json.get("url")?.as_str()?.to_string();
    let editable = json
        .get("dir_info")
        .and_then(|d| d.get("editable"))
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false);
    if editable {
        let path = url.strip_prefix("file://").unwrap_or(&url).to_string();
        return Some((path, true));
    }
    Some((url, false))
}

/// Build `name` anew on `interp` with `dists`, and swap it in.
fn rebuild(
    registry: &Registry,
    name: &str,
    dir: &Path,
    entry: &Entry,
    (interp, requested): (&Interpreter, Option<&str>),
    dists: &[Dist],
    allow_partial: bool,
) -> Result<()> {
    let (staging, expected) = registry.lock()?.stage_rebuild(name)?;
    let pip = entry.flags.pip || !dists.is_empty();
    let opts = crate::venv::Options {
        name: name.to_string(),
        prompt: entry.flags.prompt.clone(),
        system_site_packages: entry.flags.system_site_packages,
        pip,
    };
    let cache = registry.home().cache_dir();
    crate::venv::create(interp, staging.dir(), dir, &opts, &cache)?;
    let new = Venv::open(staging.dir());
    // `set --add-path` directories.
    if let (Some(old_sp), Some(new_sp)) = (Venv::open(dir).site_packages(), new.site_packages()) {
        let pth = old_sp.join(crate::registry::settings::PTH);
        if pth.is_file() {
            std::fs::copy(&pth, new_sp.join(crate::registry::settings::PTH))
                .with_context(|| format!("cannot copy {}", pth.display()))?;
        }
    }
    let failed = install(&new, dists)?;
    if !failed.is_empty() && !allow_partial {
        bail!(hinted(
            format!(
                "{} of {} packages did not install on {} {}: {}; '{name}' was left as it was",
                failed.len(),
                dists.len(),
                interp.implementation,
                interp.version_string,
                failed.join(", ")
            ),
            "make them installable (a wheelhouse with PIP_FIND_LINKS), or pass --allow-partial \
             to swap in the new environment without them",
        ));
    }
    relocate_scripts(staging.dir(), dir)?;
    crate::crash_point!("repair.built");
    let record = PythonRecord {
        requested: requested
            .map(str::to_string)
            .or_else(|| entry.python.requested.clone()),
        executable: interp.executable.clone(),
        version: interp.version_string.clone(),
        implementation: interp.implementation.clone(),
    };
    let rebuilt = registry
        .lock()?
        .swap_rebuilt(name, staging, &expected, record, pip)?;
    rebuilt.finish();
    if failed.is_empty() {
        crate::say!(
            "envreg: {name}: rebuilt on {} {}",
            interp.implementation,
            interp.version_string
        );
    } else {
        crate::say!(
            "envreg: {name}: rebuilt on {} {} WITHOUT: {}",
            interp.implementation,
            interp.version_string,
            failed.join(", ")
        );
    }
    Ok(())
}

/// `envreg repair NAME -p PYTHON` of an environment without packages, for
/// the registry's crash tests (`registry::crash_tests`).
#[cfg(test)]
pub(crate) fn rebuild_bare(registry: &Registry, name: &str, interp: &Interpreter) -> Result<()> {
    let entry = registry.read()?.envs[name].clone();
    let dir = registry.dir_of(name, &entry);
    rebuild(registry, name, &dir, &entry, (interp, None), &[], false)
}

/// Install `dists` with the new environment's pip (all at once; when that
/// fails, one by one to tell which fail). Returns the names that failed.
fn install(venv: &Venv, dists: &[Dist]) -> Result<Vec<String>> {
    if dists.is_empty() {
        return Ok(Vec::new());
    }
    let pip = |reqs: &[&Dist], no_deps: bool| -> Result<bool> {
        let python = venv.python();
        let mut cmd = Command::new(&python);
        cmd.args(["-m", "pip", "install"]);
        if no_deps {
            cmd.arg("--no-deps");
        }
        for d in reqs {
            cmd.args(&d.requirement);
        }
        cmd.env_remove("PYTHONHOME")
            .env("VIRTUAL_ENV", &venv.dir)
            .stdin(Stdio::null());
        // Progress on a terminal; otherwise pip's output is kept quiet.
        if std::io::stderr().is_terminal() {
            cmd.stdout(super::mkenv::stderr_as_stdio()?);
        } else {
            cmd.stdout(Stdio::null()).stderr(Stdio::null());
        }
        Ok(cmd
            .status()
            .with_context(|| format!("cannot run {}", python.display()))?
            .success())
    };
    let all: Vec<&Dist> = dists.iter().collect();
    if pip(&all, false)? {
        return Ok(Vec::new());
    }
    let mut failed = Vec::new();
    for d in dists {
        if !pip(&[d], true)? {
            failed.push(format!("{}=={}", d.name, d.version));
        }
    }
    Ok(failed)
}

/// Scripts pip wrote in the staging directory name its python there: make
/// them name the final directory.
fn relocate_scripts(staging: &Path, dir: &Path) -> Result<()> {
    let bin = Venv::open(staging).bin_dir();
    let old = staging.as_os_str().as_encoded_bytes();
    let new = dir.as_os_str().as_encoded_bytes();
    let entries: Vec<PathBuf> = std::fs::read_dir(&bin)
        .with_context(|| format!("cannot read {}", bin.display()))?
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .collect();
    for path in entries {
        let data = std::fs::read(&path)?;
        if let Some(out) = crate::registry::clone::replace_paths(&data, old, new) {
            let out = crate::registry::clone::fit_shebang(out, new);
            let perms = std::fs::metadata(&path)?.permissions();
            crate::registry::settings::replace_file(&path, &out)
                .with_context(|| format!("cannot write {}", path.display()))?;
            std::fs::set_permissions(&path, perms)?;
        }
    }
    Ok(())
}
