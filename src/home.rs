//! Where envreg keeps its data: ENVREG_HOME and the paths below it.

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::errors::hinted;

/// The per-user data directory and the fixed paths inside it.
#[derive(Debug, Clone)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    /// `$ENVREG_HOME`, else `$XDG_DATA_HOME/envreg`, else `~/.local/share/envreg`.
    ///
    /// macOS deliberately uses the XDG-style path too: "Application Support"
    /// contains a space, which breaks the shebang lines of console scripts.
    ///
    /// A home whose path contains a line break is refused: the shell hooks
    /// read the paths `envreg path --workon` prints one per line.
    pub fn from_env() -> Result<Self> {
        let root = if let Some(dir) = std::env::var_os("ENVREG_HOME").filter(|v| !v.is_empty()) {
            let dir = PathBuf::from(dir);
            if !dir.is_absolute() {
                bail!(hinted(
                    format!(
                        "ENVREG_HOME must be an absolute path, not {:?}",
                        dir.display().to_string()
                    ),
                    "set ENVREG_HOME to an absolute path, or unset it to use the default"
                ));
            }
            dir
        } else {
            default_root()?
        };
        if root.as_os_str().as_encoded_bytes().contains(&b'\n') {
            bail!(hinted(
                format!(
                    "the envreg home {:?} contains a line break, which envreg does not support",
                    root.display().to_string()
                ),
                "set ENVREG_HOME to a directory without one"
            ));
        }
        Ok(Home { root })
    }

    /// A home at `root` (unit tests).
    #[cfg(test)]
    pub fn at(root: PathBuf) -> Self {
        Home { root }
    }

    pub fn index_file(&self) -> PathBuf {
        self.root.join("index.ron")
    }

    pub fn lock_file(&self) -> PathBuf {
        self.root.join("index.lock")
    }

    /// Managed environments live here, one directory per name.
    pub fn envs_dir(&self) -> PathBuf {
        self.root.join("envs")
    }

    /// Interpreter query results and unpacked seed wheels; safe to delete.
    /// Kept on the same file system as `envs/` so seed files can be hard-linked.
    pub fn cache_dir(&self) -> PathBuf {
        self.root.join("cache")
    }

    /// Last-used marks written by `workon` without the lock (see registry::used).
    pub fn used_dir(&self) -> PathBuf {
        self.root.join("used")
    }

    /// The directories bound to environments, for the auto-activation
    /// hooks (see registry::projects).
    pub fn projects_file(&self) -> PathBuf {
        self.root.join("projects")
    }

    /// Global user hooks (preactivate, postactivate, ...).
    pub fn hooks_dir(&self) -> PathBuf {
        self.root.join("hooks")
    }
}

#[cfg(windows)]
fn default_root() -> Result<PathBuf> {
    let base = directories::BaseDirs::new().ok_or_else(|| {
        hinted(
            "cannot determine the home directory",
            "set ENVREG_HOME to an absolute path",
        )
    })?;
    Ok(base.data_local_dir().join("envreg"))
}

#[cfg(not(windows))]
fn default_root() -> Result<PathBuf> {
    if let Some(xdg) = std::env::var_os("XDG_DATA_HOME").map(PathBuf::from)
        && xdg.is_absolute()
    {
        return Ok(xdg.join("envreg"));
    }
    let base = directories::BaseDirs::new().ok_or_else(|| {
        hinted(
            "cannot determine the home directory",
            "set HOME, or set ENVREG_HOME to an absolute path",
        )
    })?;
    Ok(base.home_dir().join(".local/share/envreg"))
}
