//! What `envreg gc` needs from the registry: a look that changes nothing
//! (for `--dry-run` and the list shown before asking), and, under the lock,
//! the entries as they are now and a sweep of stale lock files.

use std::path::PathBuf;

use anyhow::Result;

use super::{Entry, Index, Locked, Registry, staging, used};

/// A scratch directory in `envs/` whose owner is gone.
#[derive(Debug, Clone)]
pub struct StaleScratch {
    pub path: PathBuf,
    /// Allocated bytes (see `crate::space`).
    pub bytes: u64,
    /// The trash of an `rm` that did not commit: the next command puts the
    /// environment back instead of deleting it.
    pub restores: bool,
    /// A trash directory envreg could not delete and has reported.
    pub undeletable: bool,
}

impl Registry {
    /// The index with last-used times, without recovering anything or
    /// taking the lock: nothing on disk changes.
    pub fn peek(&self) -> Result<Index> {
        let mut index = self.load()?;
        used::apply(&mut index, &used::read(&self.used_dir()));
        Ok(index)
    }

    /// The scratch directories (`envs/.tmp-*`, `envs/.trash-*`) nobody is
    /// working in, read-only; `index` says which trash would be restored.
    pub fn stale_scratch(&self, index: &Index) -> Vec<StaleScratch> {
        let envs = self.home.envs_dir();
        let listing = staging::list(&envs);
        staging::leftovers(&envs, &listing)
            .into_iter()
            .map(|l| {
                let path = l.dir(&envs);
                let restores = l.trash
                    && index.envs.get(&l.name).is_some_and(|e| e.managed)
                    && self.env_dir(&l.name).symlink_metadata().is_err();
                StaleScratch {
                    bytes: crate::space::measure(&path).bytes(),
                    undeletable: l.trash && staging::reported(&envs, &l.base),
                    path,
                    restores,
                }
            })
            .collect()
    }
}

impl Locked<'_> {
    /// The entry of `name` as the index holds it now (last-used folded in).
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.index.envs.get(name)
    }

    /// Remove lock files and markers whose scratch directory is gone.
    pub fn sweep(&self) {
        let envs = self.registry.home.envs_dir();
        let listing = staging::list(&envs);
        staging::remove_stale_locks(&envs, &listing);
        staging::remove_orphan_markers(&envs, &listing);
    }
}
