//! The registry: the index file, its lock, and the directories under `envs/`.
//!
//! Every mutation takes the lock, re-reads the index, changes it and writes it
//! back atomically. Readers do not lock: they always see a whole file.

mod adopt;
pub mod index;
pub mod name;
mod snapshot;
mod staging;
pub use staging::{Staging, empty_trash, to_trash};

use std::fs::{self, File};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};

use crate::home::Home;
pub use index::{Entry, Flags, Index, PythonRecord};

pub struct Registry {
    home: Home,
}

impl Registry {
    pub fn new(home: Home) -> Self {
        Registry { home }
    }

    pub fn home(&self) -> &Home {
        &self.home
    }

    /// Read the index without locking (for commands that only look),
    /// through its parsed copy in the cache when that is current.
    pub fn load(&self) -> Result<Index> {
        snapshot::read(
            &self.home.index_file(),
            &self.home.cache_dir().join("index.json"),
        )
    }

    /// Take the lock (waiting for other envreg processes), then read the index.
    /// Stale staging and trash directories left by killed runs are removed,
    /// and finished environments they did not register are registered.
    pub fn lock(&self) -> Result<Locked<'_>> {
        let envs = self.home.envs_dir();
        fs::create_dir_all(&envs).with_context(|| format!("cannot create {}", envs.display()))?;
        let lock_path = self.home.lock_file();
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("cannot open the lock file {}", lock_path.display()))?;
        file.lock()
            .with_context(|| format!("cannot lock {}", lock_path.display()))?;
        let mut index = index::read(&self.home.index_file())?;
        let listing = staging::list(&envs);
        staging::remove_stale(&envs, &listing);
        for name in adopt::adopt_orphans(&envs, &listing, &mut index) {
            crate::say!("envreg: registered '{name}', left unregistered by an interrupted run");
        }
        Ok(Locked {
            _lock: file,
            registry: self,
            index,
        })
    }

    /// The entry for `name`, or an error with a "did you mean" suggestion.
    pub fn get<'i>(index: &'i Index, name: &str) -> Result<&'i Entry> {
        if let Some(entry) = index.envs.get(name) {
            return Ok(entry);
        }
        bail!("{}", unknown_message(index, name))
    }
}

/// "no environment named X" plus the closest name, or how to list them.
pub fn unknown_message(index: &Index, name: &str) -> String {
    let mut msg = format!("no environment named '{name}'");
    match name::suggest(name, index.envs.keys().map(String::as_str)) {
        Some(close) => msg.push_str(&format!("; did you mean '{close}'?")),
        None if index.envs.is_empty() => {
            msg.push_str("; the registry is empty (create one with 'envreg mkenv NAME')")
        }
        None => msg.push_str(" (see 'envreg ls')"),
    }
    msg
}

/// The index, held under the lock until this is dropped.
pub struct Locked<'r> {
    _lock: File,
    registry: &'r Registry,
    pub index: Index,
}

impl Locked<'_> {
    pub fn save(&self) -> Result<()> {
        index::write(&self.registry.home.index_file(), &self.index)
    }

    pub fn home(&self) -> &Home {
        &self.registry.home
    }

    /// Refuse a name that exists, also when it differs only in case
    /// (macOS and Windows file systems fold case).
    pub fn check_free(&self, name: &str) -> Result<()> {
        if self.index.envs.contains_key(name) {
            bail!(
                "an environment named '{name}' already exists (remove it first with 'envreg rm {name}')"
            );
        }
        if let Some(other) = self
            .index
            .envs
            .keys()
            .find(|k| k.eq_ignore_ascii_case(name))
        {
            bail!(
                "'{name}' differs only in case from the existing environment '{other}'; names must differ in more than case"
            );
        }
        let dir = self.home().envs_dir().join(name);
        if dir.symlink_metadata().is_ok() {
            bail!(
                "{} already exists but is not registered; move it away or choose another name",
                dir.display()
            );
        }
        Ok(())
    }
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// True when `dir` looks like a virtual environment (has a pyvenv.cfg).
pub fn is_venv(dir: &Path) -> bool {
    dir.join("pyvenv.cfg").is_file()
}
