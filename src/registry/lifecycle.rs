//! The `cp` transaction (see the table in the module docs of `registry`):
//! the copy is built in a staging directory outside the lock, marked
//! uncommitted; under the lock it is moved into place, the index is
//! saved (the commit point), then the mark is removed.

use std::fs;

use anyhow::Result;

use super::clone::UNCOMMITTED;
use super::staging::{Staging, Trash};
use super::{Entry, Locked};

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
}
