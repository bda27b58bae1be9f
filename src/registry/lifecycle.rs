//! The `cp` and `mv` transactions (see the table in the module docs of
//! `registry`): the copy is built in a staging directory outside the lock,
//! marked uncommitted; under the lock it is moved into place, the index is
//! saved (the commit point), then the mark is removed.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::clone::UNCOMMITTED;
use super::staging::{Staging, Trash};
use super::{Entry, Locked, Registry, is_active};

/// What `mv` left to do after the lock: delete the old directory.
pub struct Renamed {
    trash: Trash,
}

impl Renamed {
    pub fn finish(self) {
        self.trash.delete();
        crate::crash_point!("mv.deleted");
    }
}

impl Locked<'_> {
    /// Begin `cp … DST`: DST is checked free and a staging directory made.
    pub fn stage_copy(&self, dst: &str) -> Result<Staging> {
        let staging = self.begin_staging(dst)?;
        crate::crash_point!("cp.staged");
        Ok(staging)
    }

    /// Register the copy built in `staging` (see [`crate::registry::clone`])
    /// as `dst` with `entry`. All or nothing: if the index cannot be saved,
    /// the copy is deleted.
    pub fn copy(&mut self, dst: &str, staging: Staging, entry: Entry) -> Result<()> {
        self.check_free(dst)?;
        let dir = self.registry.env_dir(dst);
        // The copy's .project says what its entry says (a copied one may be
        // stale or foreign).
        super::settings::write_project_file(staging.dir(), entry.project.as_deref(), false)?;
        staging.commit(&dir)?;
        crate::crash_point!("cp.renamed");
        self.index.envs.insert(dst.to_string(), entry);
        if let Err(err) = self.save() {
            self.index.envs.remove(dst);
            if let Ok(trash) = Trash::take(&self.registry.home.envs_dir(), &dir, dst) {
                trash.delete();
            }
            return Err(err.context(format!("'{dst}' was not created")));
        }
        crate::crash_point!("cp.committed");
        let _ = fs::remove_file(dir.join(UNCOMMITTED));
        Ok(())
    }

    /// Begin `mv OLD NEW`: OLD must be an environment envreg manages, with
    /// its directory in place, and not the active one unless `force`; NEW
    /// must be free. Returns the staging directory and OLD's entry as it is
    /// now (the rename refuses to go on if it changes meanwhile).
    pub fn stage_rename(&self, old: &str, new: &str, force: bool) -> Result<(Staging, Entry)> {
        let entry = Registry::get(&self.index, old)?.clone();
        let dir = self.registry.dir_of(old, &entry);
        if !entry.managed {
            bail!(
                "'{old}' was registered from elsewhere ({}); envreg only renames environments \
                 it manages (copy it in with 'envreg cp {} {new}')",
                dir.display(),
                dir.display()
            );
        }
        if dir.symlink_metadata().is_err() {
            bail!(
                "the directory of '{old}' ({}) is gone; nothing to rename ('envreg rm {old}' \
                 unregisters it)",
                dir.display()
            );
        }
        if !force && is_active(&dir) {
            bail!(
                "'{old}' is the active environment ($VIRTUAL_ENV); run 'deactivate' first or \
                 pass --force; nothing was renamed"
            );
        }
        if old == new {
            bail!("'{old}' already has that name; nothing was renamed");
        }
        let staging = self.begin_staging(new)?;
        crate::crash_point!("mv.staged");
        Ok((staging, entry))
    }

    /// Finish `mv OLD NEW` with the copy built in `staging`: move it to
    /// `envs/NEW`, move OLD aside, save the index with the entry renamed
    /// (its metadata kept, its path the new one). Until the save, a kill is
    /// rolled back (OLD put back, the unregistered copy deleted); after
    /// it, the old directory is deleted by [`Renamed::finish`].
    pub fn rename(
        &mut self,
        old: &str,
        new: &str,
        staging: Staging,
        expected: &Entry,
    ) -> Result<Renamed> {
        let Some(entry) = self.index.envs.get(old).cloned() else {
            bail!("'{old}' was removed while it was being copied; nothing was renamed");
        };
        // The same environment (a last-used time folded in meanwhile is fine).
        if (entry.path.as_path(), entry.managed, entry.created)
            != (expected.path.as_path(), expected.managed, expected.created)
        {
            bail!("'{old}' was changed while it was being copied; nothing was renamed (retry)");
        }
        self.check_free(new)?;
        let envs = self.registry.home.envs_dir();
        let old_dir = self.registry.env_dir(old);
        let new_dir = self.registry.env_dir(new);
        super::settings::write_project_file(staging.dir(), entry.project.as_deref(), false)?;
        staging.commit(&new_dir)?;
        crate::crash_point!("mv.renamed");
        let undo_new = |dir: &Path| {
            if let Ok(trash) = Trash::take(&envs, dir, new) {
                trash.delete();
            }
        };
        let trash = match Trash::take(&envs, &old_dir, old) {
            Ok(trash) => trash,
            Err(err) => {
                undo_new(&new_dir);
                return Err(err.context("nothing was renamed"));
            }
        };
        crate::crash_point!("mv.trashed");
        let links = entry.links.clone();
        let mut renamed = entry;
        renamed.path = new_dir.clone();
        let before = self.index.clone();
        self.index.envs.remove(old);
        self.index.envs.insert(new.to_string(), renamed);
        if let Err(err) = self.save() {
            self.index = before;
            if let Err(e) = trash.restore() {
                crate::say!("envreg: {e:#}");
            }
            undo_new(&new_dir);
            return Err(err.context("nothing was renamed"));
        }
        crate::crash_point!("mv.committed");
        fs::remove_file(new_dir.join(UNCOMMITTED))
            .with_context(|| format!("cannot remove {}", new_dir.join(UNCOMMITTED).display()))
            .unwrap_or_else(|e| crate::say!("envreg: warning: {e:#}"));
        // The `.venv` links of `envreg link` follow the environment.
        if super::links::repoint(&links, &old_dir, &new_dir) {
            crate::crash_point!("mv.relinked");
        }
        Ok(Renamed { trash })
    }
}
