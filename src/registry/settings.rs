//! The `set` transaction: an environment's settings, in its files
//! (pyvenv.cfg, the activation scripts, `envreg.pth`) and in the index.
//!
//! Each file is replaced atomically (readers see the old or the new file),
//! the files first and the index last: a kill in between leaves files that
//! already say the new thing and an index that does not yet; running the
//! same `envreg set` again finishes it (every step is idempotent).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::env::Venv;
use super::{Locked, Registry};
use crate::fsutil::write_atomic;

/// The file in site-packages that `--add-path` writes (one directory a line).
pub const PTH: &str = "envreg.pth";

/// The file in an environment's directory naming its project, one line, as
/// virtualenvwrapper's setvirtualenvproject writes it (`echo "$prj" >
/// "$venv/.project"`): what `cdproject` reads, kept in step with the index by
/// every transaction that sets or changes the project.
pub const PROJECT_FILE: &str = ".project";

/// Write `dir/.project` naming `project`, or remove it for `None`.
/// `atomic`: replaced atomically (an environment in place) rather than
/// written afresh (a staging copy).
pub fn write_project_file(dir: &Path, project: Option<&Path>, atomic: bool) -> Result<()> {
    let file = dir.join(PROJECT_FILE);
    let Some(project) = project else {
        return match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(e).with_context(|| format!("cannot remove {}", file.display()))
            }
            _ => Ok(()),
        };
    };
    let mut text = project.as_os_str().as_encoded_bytes().to_vec();
    text.push(b'\n');
    let written = if atomic {
        write_atomic(&file, &text)
    } else {
        replace_file(&file, &text)
    };
    written.with_context(|| format!("cannot write {}", file.display()))
}

/// The project `dir/.project` names, if it names an absolute path.
pub fn read_project_file(dir: &Path) -> Option<PathBuf> {
    let text = std::fs::read(dir.join(PROJECT_FILE)).ok()?;
    let line = text.split(|&b| b == b'\n').next()?;
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let path = PathBuf::from(std::str::from_utf8(line).ok()?);
    path.is_absolute().then_some(path)
}

/// What `envreg set` changes; `None`/empty leaves a setting alone.
#[derive(Debug, Default, Clone)]
pub struct Changes {
    pub system_site_packages: Option<bool>,
    /// `Some(None)`: back to the default prompt (the name).
    pub prompt: Option<Option<String>>,
    pub set_vars: Vec<(String, String)>,
    pub unset_vars: Vec<String>,
    pub add_paths: Vec<PathBuf>,
    pub remove_paths: Vec<PathBuf>,
    /// `Some(None)`: no project.
    pub project: Option<Option<PathBuf>>,
    /// Seed pip into an environment made with --no-pip.
    pub pip: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.system_site_packages.is_none()
            && self.prompt.is_none()
            && self.set_vars.is_empty()
            && self.unset_vars.is_empty()
            && self.add_paths.is_empty()
            && self.remove_paths.is_empty()
            && self.project.is_none()
            && !self.pip
    }
}

impl Locked<'_> {
    /// Apply `changes` to `name`: its files first, then the index.
    pub fn update(&mut self, name: &str, changes: &Changes) -> Result<()> {
        let entry = Registry::get(&self.index, name)?.clone();
        let dir = self.registry.dir_of(name, &entry);
        let venv = Venv::open(&dir);
        if !venv.is_venv() && (changes.system_site_packages.is_some() || changes.prompt.is_some()) {
            bail!(
                "{} has no pyvenv.cfg; nothing was changed (see 'envreg show {name}')",
                venv.cfg_path().display()
            );
        }
        let mut cfg_edits: Vec<(&str, Option<String>)> = Vec::new();
        if let Some(on) = changes.system_site_packages {
            cfg_edits.push((
                "include-system-site-packages",
                Some(if on { "true" } else { "false" }.into()),
            ));
        }
        if let Some(prompt) = &changes.prompt {
            cfg_edits.push(("prompt", prompt.as_deref().map(python_repr)));
        }
        if !cfg_edits.is_empty() {
            let path = venv.cfg_path();
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let new = edit_cfg(&text, &cfg_edits);
            write_atomic(&path, new.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            crate::crash_point!("set.cfg");
        }
        if let Some(prompt) = &changes.prompt {
            let prompt = prompt.as_deref().unwrap_or(name);
            write_activation_scripts(&venv, &venv.bin_dir(), prompt, Replace::Synced)?;
            crate::crash_point!("set.scripts");
        }
        if !(changes.add_paths.is_empty() && changes.remove_paths.is_empty()) {
            edit_pth(&venv, &changes.add_paths, &changes.remove_paths)?;
            crate::crash_point!("set.pth");
        }
        // The .project file of an environment whose directory is gone has
        // nothing to stay in step with.
        if let Some(project) = &changes.project
            && dir.is_dir()
        {
            write_project_file(&dir, project.as_deref(), true)?;
            crate::crash_point!("set.project");
        }

        if changes.pip {
            seed_pip_later(&venv, &self.registry.home.cache_dir())?;
            crate::crash_point!("set.pip");
        }

        let updated = self
            .index
            .envs
            .get_mut(name)
            .context("the entry vanished under the lock")?;
        if let Some(on) = changes.system_site_packages {
            updated.flags.system_site_packages = on;
        }
        if let Some(prompt) = &changes.prompt {
            updated.flags.prompt = prompt.clone();
        }
        for (k, v) in &changes.set_vars {
            updated.vars.insert(k.clone(), v.clone());
        }
        for k in &changes.unset_vars {
            updated.vars.remove(k);
        }
        if let Some(project) = &changes.project {
            updated.project = project.clone();
        }
        if changes.pip {
            updated.flags.pip = true;
        }
        self.save()?;
        crate::crash_point!("set.committed");
        Ok(())
    }
}

/// How a file in an environment is replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Atomically and synced (`set` on a live environment).
    Synced,
    /// Atomically (temporary file + rename), not synced: `mv` in place,
    /// whose journal and index commit make the step durable and redoable.
    Unsynced,
    /// Deleted and written anew, not synced: a staging copy, which the
    /// commit's rename publishes whole.
    Staging,
}

/// Write the activation scripts of `venv` afresh (the generator in
/// `venv::activate`) for its directory and `prompt` into `bin_dir` (its
/// scripts directory, or the one of its staging copy), each as `how` says.
pub fn write_activation_scripts(
    venv: &Venv,
    bin_dir: &Path,
    prompt: &str,
    how: Replace,
) -> Result<()> {
    let Some(dir) = venv.dir.to_str() else {
        bail!(
            "the environment path {} is not valid UTF-8, which activation scripts cannot name",
            venv.dir.display()
        );
    };
    let vars = crate::venv::activate::Vars {
        venv_dir: dir,
        bin_name: venv.bin_name(),
        prompt,
    };
    let windows = venv.layout == super::env::Layout::Windows;
    for script in crate::venv::activate::render_all(&vars, windows)? {
        let path = bin_dir.join(script.file_name);
        let written = match how {
            Replace::Synced => write_atomic(&path, &script.contents),
            Replace::Unsynced => {
                crate::fsutil::replace_unsynced(&path, &script.contents, Some(0o644))
            }
            Replace::Staging => replace_file(&path, &script.contents),
        };
        written.with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// Write `path` as a new file, created exclusively (never through a hard
/// link a copy may share with its source, nor through a symlink), without
/// syncing.
pub fn replace_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(contents)
}

/// `text` (a pyvenv.cfg) with each `(key, value)` set (`None` removes the
/// key). A new key goes before the `envreg` line, or at the end.
pub fn edit_cfg(text: &str, edits: &[(&str, Option<String>)]) -> String {
    let key_of = |line: &str| {
        line.split_once('=')
            .map(|(k, _)| k.trim().to_ascii_lowercase())
    };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for (key, value) in edits {
        let at = lines
            .iter()
            .position(|l| key_of(l).as_deref() == Some(*key));
        match (at, value) {
            (Some(i), Some(v)) => lines[i] = format!("{key} = {v}"),
            (Some(i), None) => {
                lines.remove(i);
            }
            (None, Some(v)) => {
                let before = lines
                    .iter()
                    .position(|l| key_of(l).as_deref() == Some("envreg"))
                    .unwrap_or(lines.len());
                lines.insert(before, format!("{key} = {v}"));
            }
            (None, None) => {}
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The directories `envreg.pth` lists (empty when there is none).
pub fn pth_paths(venv: &Venv) -> Vec<String> {
    venv.site_packages()
        .and_then(|sp| std::fs::read_to_string(sp.join(PTH)).ok())
        .map(|t| {
            t.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn edit_pth(venv: &Venv, add: &[PathBuf], remove: &[PathBuf]) -> Result<()> {
    let Some(sp) = venv.site_packages() else {
        bail!(
            "{} has no site-packages directory; nothing was changed",
            venv.dir.display()
        );
    };
    let mut paths = pth_paths(venv);
    for p in remove {
        let text = path_text(p)?;
        paths.retain(|l| *l != text);
    }
    for p in add {
        let text = path_text(p)?;
        if !paths.contains(&text) {
            paths.push(text);
        }
    }
    let file = sp.join(PTH);
    if paths.is_empty() {
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(e).with_context(|| format!("cannot remove {}", file.display()));
            }
            _ => return Ok(()),
        }
    }
    let mut text = paths.join("\n");
    text.push('\n');
    write_atomic(&file, text.as_bytes()).with_context(|| format!("cannot write {}", file.display()))
}

/// A directory as a `.pth` line: absolute, one line, not starting with
/// `import` (which `site` would run as code).
fn path_text(p: &Path) -> Result<String> {
    let abs = std::path::absolute(p).with_context(|| format!("cannot resolve {}", p.display()))?;
    let Some(text) = abs.to_str() else {
        bail!(
            "{} is not valid UTF-8; a .pth file cannot name it",
            abs.display()
        );
    };
    if text.contains(['\n', '\r']) {
        bail!("{text:?} contains a line break; a .pth file cannot name it");
    }
    Ok(text.to_string())
}

pub use crate::venv::cfg::python_repr;

/// Seed pip (as mkenv does) into an existing environment made with
/// --no-pip: its `pip` stand-ins are replaced by pip's own launchers.
/// Nothing happens when it has pip already, so running it again is harmless.
fn seed_pip_later(venv: &Venv, cache_dir: &Path) -> Result<()> {
    let python = venv.python();
    let interp = crate::python::find(Some(&python.to_string_lossy()), cache_dir)
        .with_context(|| format!("cannot seed pip into {}", venv.dir.display()))?;
    let layout = crate::venv::layout::Layout::new(&interp)?;
    let site = venv.dir.join(&layout.purelib);
    let has_pip = std::fs::read_dir(&site).is_ok_and(|rd| {
        rd.flatten().any(|e| {
            let n = e.file_name().to_string_lossy().to_ascii_lowercase();
            n.starts_with("pip-") && n.ends_with(".dist-info")
        })
    });
    if has_pip {
        return Ok(());
    }
    let bin = venv.bin_dir();
    for name in crate::venv::pip_names(interp.version) {
        let path = bin.join(name);
        if crate::venv::is_pip_shim(&path) {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    let scripts_rel = layout.scripts_from_purelib();
    let target = crate::venv::seed::Target {
        site_packages: &site,
        scripts: &bin,
        final_python: &python,
        scripts_from_site_packages: &scripts_rel,
    };
    crate::venv::seed::seed_pip(&interp, &target, cache_dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cfg_edits_replace_insert_and_remove() {
        let text = "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.12.1\nenvreg = 0.1.0\n";
        let out = edit_cfg(
            text,
            &[
                ("include-system-site-packages", Some("true".into())),
                ("prompt", Some(python_repr("it's"))),
            ],
        );
        assert_eq!(
            out,
            "home = /usr/bin\ninclude-system-site-packages = true\nversion = 3.12.1\n\
             prompt = \"it's\"\nenvreg = 0.1.0\n"
        );
        let parsed = crate::venv::cfg::parse(&out);
        assert!(parsed.contains(&("prompt".into(), "it's".into())));
        assert_eq!(
            edit_cfg(&out, &[("prompt", None)]),
            text.replace("false", "true")
        );
    }
}
