//! Building a virtual environment natively: no Python runs on this path.

pub mod activate;
pub mod layout;
pub mod seed;

use std::path::Path;

use anyhow::Result;

use crate::python::Interpreter;

/// What the user asked for on `mkenv`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The environment's name (the default prompt).
    pub name: String,
    pub prompt: Option<String>,
    pub system_site_packages: bool,
    /// Seed pip (and setuptools for Python < 3.12) from the bundled wheels.
    pub pip: bool,
}

/// Build an environment in `staging` whose files all name `final_dir` (where
/// it will be renamed to). `cache_dir` holds unpacked seed wheels.
pub fn create(
    interp: &Interpreter,
    staging: &Path,
    final_dir: &Path,
    opts: &Options,
    cache_dir: &Path,
) -> Result<()> {
    let _ = (interp, staging, final_dir, opts, cache_dir);
    todo!("venv::create")
}

/// Refuse interpreters that cannot host a modern venv, saying why.
pub fn check_supported(interp: &Interpreter) -> Result<()> {
    let _ = interp;
    todo!("venv::check_supported")
}
