//! The `repair` transactions.
//!
//! Re-point (the same major.minor Python, upgraded or moved): under the
//! lock, each file that names the interpreter is replaced atomically — the
//! python links, pyvenv.cfg, the activation scripts, scripts whose shebang
//! names a python outside the environment (`repair.repointed`) — then the
//! index records the interpreter (`repair.recorded`). Every step is
//! idempotent: a kill in between leaves a working environment whose index
//! entry lags until `repair` runs again (`doctor` says `index_stale`).
//!
//! Rebuild: a staging directory is made under the lock (`repair.staged`);
//! outside it the new environment is built there and its packages installed
//! (`repair.built`); under the lock the old directory goes to the trash
//! (`repair.trashed`), the new one is renamed into place (`repair.renamed`),
//! the index records the new interpreter (`repair.committed`); after the
//! lock the trash is deleted (`repair.deleted`). A kill before the rename
//! leaves the old environment (its trash is put back, the staging deleted);
//! after it, the new one (the trash is deleted). Never a mix of the two.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::env::Venv;
use super::settings::write_activation_scripts;
use super::staging::{Staging, Trash};
use super::{Entry, Locked, PythonRecord, Registry};
use crate::python::Interpreter;

/// What a rebuild left to do after the lock: delete the old directory.
pub struct Rebuilt {
    trash: Trash,
}

impl Rebuilt {
    pub fn finish(self) {
        self.trash.delete();
        crate::crash_point!("repair.deleted");
    }
}

impl Locked<'_> {
    /// Begin rebuilding `name` (an environment envreg manages): a staging
    /// directory beside it, and its entry as it is now.
    pub fn stage_rebuild(&self, name: &str) -> Result<(Staging, Entry)> {
        let entry = Registry::get(&self.index, name)?.clone();
        if !entry.managed {
            bail!(
                "'{name}' was registered from elsewhere ({}); envreg rebuilds only environments \
                 it manages (copy it in with 'envreg cp', or rebuild it yourself)",
                entry.path.display()
            );
        }
        let staging = Staging::begin(&self.registry.home.envs_dir(), name)?;
        crate::crash_point!("repair.staged");
        Ok((staging, entry))
    }

    /// Put the environment built in `staging` in the place of `name`,
    /// recording `python` (and `pip`) in its entry; the rest of the entry
    /// (settings, variables, project, times) is kept.
    pub fn swap_rebuilt(
        &mut self,
        name: &str,
        staging: Staging,
        expected: &Entry,
        python: PythonRecord,
        pip: bool,
    ) -> Result<Rebuilt> {
        let Some(entry) = self.index.envs.get(name).cloned() else {
            bail!("'{name}' was removed while it was being rebuilt; nothing was changed");
        };
        if (entry.path.as_path(), entry.managed, entry.created)
            != (expected.path.as_path(), expected.managed, expected.created)
        {
            bail!("'{name}' was changed while it was being rebuilt; nothing was changed (retry)");
        }
        let envs = self.registry.home.envs_dir();
        let dir = self.registry.env_dir(name);
        let trash = Trash::take(&envs, &dir, name)?;
        crate::crash_point!("repair.trashed");
        if let Err(err) = staging.commit(&dir) {
            if let Err(e) = trash.restore() {
                crate::say!("envreg: {e:#}");
            }
            return Err(err.context("nothing was changed"));
        }
        crate::crash_point!("repair.renamed");
        let before = self.index.clone();
        let updated = self.index.envs.get_mut(name).expect("checked above");
        updated.python = python;
        updated.flags.pip = pip;
        updated.path = dir.clone();
        updated.incomplete = None;
        if let Err(err) = self.save() {
            self.index = before;
            if let Ok(new) = Trash::take(&envs, &dir, name) {
                new.delete();
            }
            if let Err(e) = trash.restore() {
                crate::say!("envreg: {e:#}");
            }
            return Err(err.context("nothing was changed"));
        }
        crate::crash_point!("repair.committed");
        Ok(Rebuilt { trash })
    }

    /// Re-point `name` at `interp` (the same major.minor it was built for):
    /// its files first, then the index.
    pub fn repoint(&mut self, name: &str, interp: &Interpreter) -> Result<()> {
        let entry = Registry::get(&self.index, name)?.clone();
        let dir = self.registry.dir_of(name, &entry);
        let venv = Venv::open(&dir);
        let bin = venv.bin_dir();
        // The python links: each absolute one (python -> /…/python3.12)
        // names the new interpreter; sibling links are left alone.
        let mut relinked = false;
        for e in std::fs::read_dir(&bin)
            .with_context(|| format!("cannot read {}", bin.display()))?
            .flatten()
        {
            let fname = e.file_name();
            if !fname.to_string_lossy().starts_with("python") {
                continue;
            }
            let path = e.path();
            if let Ok(t) = std::fs::read_link(&path)
                && t.is_absolute()
            {
                replace_link(&interp.executable, &path)?;
                relinked = true;
            }
        }
        if !relinked {
            replace_link(&interp.executable, &venv.python())?;
        }
        let opts = crate::venv::Options {
            name: name.to_string(),
            prompt: entry.flags.prompt.clone(),
            system_site_packages: entry.flags.system_site_packages,
            pip: entry.flags.pip,
        };
        let cfg = crate::venv::cfg::render(interp, &opts)?;
        crate::fsutil::write_atomic(&venv.cfg_path(), cfg.as_bytes())
            .with_context(|| format!("cannot write {}", venv.cfg_path().display()))?;
        let prompt = entry.flags.prompt.as_deref().unwrap_or(name);
        write_activation_scripts(&venv, &bin, prompt, super::settings::Replace::Synced)?;
        let own = venv.python();
        for (script, named) in foreign_shebangs(&dir, &bin) {
            rewrite_shebang(&script, &named, &own)?;
        }
        crate::crash_point!("repair.repointed");
        let updated = self
            .index
            .envs
            .get_mut(name)
            .context("the entry vanished under the lock")?;
        updated.python.executable = interp.executable.clone();
        updated.python.version = interp.version_string.clone();
        updated.python.implementation = interp.implementation.clone();
        if updated.managed {
            updated.path = dir.clone();
        }
        self.save()?;
        crate::crash_point!("repair.recorded");
        Ok(())
    }
}

/// Make `link` a symlink to `target`, atomically (a new link renamed over it).
#[cfg(unix)]
fn replace_link(target: &Path, link: &Path) -> Result<()> {
    let tmp = link.with_file_name(format!(
        ".envreg-link-{}",
        link.file_name().unwrap_or_default().to_string_lossy()
    ));
    let _ = std::fs::remove_file(&tmp);
    std::os::unix::fs::symlink(target, &tmp)
        .with_context(|| format!("cannot create the symlink {}", tmp.display()))?;
    std::fs::rename(&tmp, link).with_context(|| format!("cannot replace {}", link.display()))?;
    Ok(())
}

/// Windows environments hold copies, not links: re-pointing is POSIX only.
#[cfg(not(unix))]
fn replace_link(_target: &Path, _link: &Path) -> Result<()> {
    bail!("re-pointing is only done on POSIX systems")
}

/// `script`'s shebang named `old`: make it name `new`, atomically, keeping
/// its permissions.
fn rewrite_shebang(script: &Path, old: &str, new: &Path) -> Result<()> {
    let data =
        std::fs::read(script).with_context(|| format!("cannot read {}", script.display()))?;
    let Some(pos) = data.windows(old.len()).position(|w| w == old.as_bytes()) else {
        return Ok(());
    };
    let mut out = data[..pos].to_vec();
    out.extend_from_slice(new.as_os_str().as_encoded_bytes());
    out.extend_from_slice(&data[pos + old.len()..]);
    let perms = std::fs::metadata(script)?.permissions();
    crate::fsutil::write_atomic(script, &out)
        .with_context(|| format!("cannot write {}", script.display()))?;
    std::fs::set_permissions(script, perms)
        .with_context(|| format!("cannot set the mode of {}", script.display()))?;
    Ok(())
}

/// Scripts in `bin` whose shebang names a python outside `dir`, with what
/// they name. Only the first bytes of each file are read.
pub fn foreign_shebangs(dir: &Path, bin: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let Ok(rd) = std::fs::read_dir(bin) else {
        return found;
    };
    let dir_text = dir.to_string_lossy();
    for e in rd.flatten() {
        let fname = e.file_name();
        let fname = fname.to_string_lossy();
        if fname.starts_with("activate")
            || fname.starts_with("Activate")
            || fname.starts_with("python")
        {
            continue;
        }
        if !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        if let Some(named) = shebang_python(&e.path())
            && !named.starts_with(&*dir_text)
        {
            found.push((e.path(), named));
        }
    }
    found.sort();
    found
}

/// The python a script's shebang names (also pip's `#!/bin/sh` +
/// `'''exec' "PYTHON"` form for long paths); None for other scripts.
pub fn shebang_python(path: &Path) -> Option<String> {
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path).ok()?.read(&mut head).ok()?;
    let text = String::from_utf8_lossy(&head[..n]);
    let mut lines = text.lines();
    let first = lines.next()?.strip_prefix("#!")?.trim();
    let named = if first == "/bin/sh" {
        let second = lines.next()?.strip_prefix("'''exec' ")?;
        let quoted = second.strip_prefix('"')?;
        quoted[..quoted.find('"')?].to_string()
    } else {
        first.split_whitespace().next()?.to_string()
    };
    let base = Path::new(&named)
        .file_name()?
        .to_string_lossy()
        .into_owned();
    base.starts_with("python").then_some(named)
}
