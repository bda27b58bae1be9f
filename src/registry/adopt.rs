//! Re-register environments whose directory is in `envs/` but whose entry is
//! not in the index. That happens only when envreg was killed between moving
//! a finished environment into place and saving the index (or between saving
//! the index and moving a removed one out of the way). Only directories that
//! envreg built (their pyvenv.cfg has an `envreg` key) are adopted.

use std::fs;
use std::path::Path;
use std::time::UNIX_EPOCH;

use super::env::Venv;
use super::index::{Entry, Flags, Index, PythonRecord};
use super::name;

/// The `key = value` pairs of a pyvenv.cfg, values read back exactly.
pub fn read_cfg(dir: &Path) -> Option<Vec<(String, String)>> {
    let text = fs::read_to_string(dir.join("pyvenv.cfg")).ok()?;
    Some(crate::venv::cfg::parse(&text))
}

fn entry_from_cfg(dir: &Path, cfg: &[(String, String)], ours: bool) -> Option<Entry> {
    let get = |key: &str| cfg.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    if ours {
        get("envreg")?;
    }
    let executable = get("executable")
        .or_else(|| get("home").map(|h| format!("{h}/python3")))?
        .into();
    let created = fs::metadata(dir)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    let venv = Venv::open(dir);
    Some(Entry {
        path: dir.to_path_buf(),
        managed: true,
        python: PythonRecord {
            requested: None,
            executable,
            version: get("version").or_else(|| get("version_info"))?,
            implementation: get("implementation").unwrap_or_else(|| "CPython".into()),
        },
        created,
        last_used: None,
        // virtualenvwrapper's (and envreg's) .project file, if there is one.
        project: super::settings::read_project_file(dir),
        flags: Flags {
            // envreg's no-pip stand-in is not pip.
            pip: venv.script("pip").exists() && !crate::venv::is_pip_shim(&venv.script("pip")),
            system_site_packages: get("include-system-site-packages").as_deref() == Some("true"),
            prompt: get("prompt"),
        },
        incomplete: None,
        unrecorded: false,
        temp: false,
        vars: Default::default(),
        links: Vec::new(),
    })
}

/// Directory names in `listing` that could be unregistered environments:
/// valid names that the index lacks (cheap: no file is read).
pub fn candidates<'l>(listing: &'l [String], index: &Index) -> Vec<&'l String> {
    listing
        .iter()
        .filter(|dir_name| {
            !dir_name.starts_with('.')
                && !index.envs.contains_key(*dir_name)
                && name::validate(dir_name).is_ok()
                && !index.envs.keys().any(|k| k.eq_ignore_ascii_case(dir_name))
        })
        .collect()
}

/// The entry for an envreg-built environment at `dir`, if it is one (an
/// uncommitted copy is not: see [`uncommitted`]).
pub fn orphan_entry(dir: &Path) -> Option<Entry> {
    if is_uncommitted(dir) {
        return None;
    }
    read_cfg(dir).and_then(|cfg| entry_from_cfg(dir, &cfg, true))
}

/// An entry for any venv at `dir` (built by envreg or not), read from its
/// pyvenv.cfg: what `cp PATH NAME` registers the copy with.
pub fn venv_entry(dir: &Path) -> Option<Entry> {
    read_cfg(dir).and_then(|cfg| entry_from_cfg(dir, &cfg, false))
}

/// True when `dir` is a copy that `cp`/`mv` built but never registered.
pub fn is_uncommitted(dir: &Path) -> bool {
    dir.join(super::clone::UNCOMMITTED)
        .symlink_metadata()
        .is_ok()
}

/// The source directory an uncommitted copy's mark names (its last line).
pub fn uncommitted_source(dir: &Path) -> Option<std::path::PathBuf> {
    let bytes = fs::read(dir.join(super::clone::UNCOMMITTED)).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let last = text.lines().last()?.trim_end();
    Path::new(last).is_absolute().then(|| last.into())
}

/// Unregistered directories in `listing` that are uncommitted copies.
pub fn uncommitted<'l>(envs: &Path, listing: &'l [String], index: &Index) -> Vec<&'l String> {
    candidates(listing, index)
        .into_iter()
        .filter(|n| is_uncommitted(&envs.join(n)))
        .collect()
}

/// Add an entry for every envreg-built directory in `envs` that the index
/// lacks. Returns the adopted names. Call under the index lock.
pub fn adopt_orphans(envs: &Path, listing: &[String], index: &mut Index) -> Vec<String> {
    let mut adopted = Vec::new();
    for dir_name in candidates(listing, index) {
        if let Some(entry) = orphan_entry(&envs.join(dir_name)) {
            adopted.push((dir_name.clone(), entry));
        }
    }
    let names = adopted.iter().map(|(n, _)| n.clone()).collect();
    index.envs.extend(adopted);
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adopts_only_envreg_built_dirs() {
        let envs = tempfile::tempdir().unwrap();
        let mk = |name: &str, cfg: &str| {
            let d = envs.path().join(name);
            fs::create_dir_all(d.join("bin")).unwrap();
            fs::write(d.join("pyvenv.cfg"), cfg).unwrap();
        };
        let ours = "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.12.1\n\
                    implementation = CPython\nexecutable = /usr/bin/python3.12\nprompt = 'x y'\nenvreg = 0.1.0\n";
        mk("ours", ours);
        mk("foreign", "home = /usr/bin\nversion = 3.12.1\n");
        mk(".tmp-x-1", ours);
        let mut index = Index::default();
        let listing = |p: &Path| super::super::staging::list(p);
        let adopted = adopt_orphans(envs.path(), &listing(envs.path()), &mut index);
        assert_eq!(adopted, ["ours"]);
        let e = &index.envs["ours"];
        assert_eq!(e.python.version, "3.12.1");
        assert_eq!(e.python.executable, Path::new("/usr/bin/python3.12"));
        assert_eq!(e.flags.prompt.as_deref(), Some("x y"));
        assert!(!e.flags.system_site_packages);
        // Already registered: nothing more to adopt.
        assert!(adopt_orphans(envs.path(), &listing(envs.path()), &mut index).is_empty());
    }
}
