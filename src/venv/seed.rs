//! Seeding pip (and setuptools where `python -m venv` would) from bundled wheels.

use std::path::Path;

use anyhow::Result;

use crate::python::Interpreter;

/// Where seeded files go. Files are written into the staging directory, but
/// every path written inside a file (shebangs) names the final location.
pub struct Target<'a> {
    /// site-packages inside the staging directory.
    pub site_packages: &'a Path,
    /// The scripts directory (`bin` / `Scripts`) inside the staging directory.
    pub scripts: &'a Path,
    /// The environment's python at its final path, for launcher shebangs.
    pub final_python: &'a Path,
    /// The scripts directory relative to site-packages, '/'-separated, as
    /// RECORD lists launchers (e.g. "../../../bin").
    pub scripts_from_site_packages: &'a str,
}

/// Install the interpreter's bundled pip wheel (plus setuptools for Python
/// < 3.12, as `python -m venv` does) into `target`, through an unpacked cache
/// under `cache_dir`. No Python runs.
pub fn seed_pip(interp: &Interpreter, target: &Target<'_>, cache_dir: &Path) -> Result<()> {
    let _ = (interp, target, cache_dir);
    todo!("seed::seed_pip")
}
