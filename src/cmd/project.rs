//! Project directories: the one place a `--project DIR` is normalised, and
//! the lookup of the environment bound to a directory (`workon .`, the
//! picker's first choice).

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::errors::hinted;
use crate::registry::Index;

/// `dir` as a project directory is stored: absolute, with `.`, `..` and
/// symbolic links resolved (`canonicalize`). Resolving links keeps the
/// stored path equal to what the current directory reads as inside it
/// (getcwd gives the physical path), which `workon .` compares against;
/// `workon` then changes to the physical directory. A missing directory,
/// a file, or a path holding a line break (the workon protocol and the
/// .project file are line-based) is refused.
pub fn project_dir(dir: &Path) -> Result<PathBuf> {
    let shown = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let canon = match std::fs::canonicalize(dir) {
        Ok(canon) => canon,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => bail!(hinted(
            format!("project directory {} does not exist", shown.display()),
            "create it first, or pass an existing directory with --project"
        )),
        Err(err) => bail!(hinted(
            format!(
                "cannot resolve project directory {}: {err}",
                shown.display()
            ),
            "pass a directory you can read with --project"
        )),
    };
    if !canon.is_dir() {
        bail!(hinted(
            format!("project directory {} is not a directory", shown.display()),
            "pass a directory (not a file) with --project"
        ));
    }
    if canon.as_os_str().as_encoded_bytes().contains(&b'\n') {
        bail!(
            "project directory {:?} contains a line break, which workon cannot pass",
            canon.display().to_string()
        );
    }
    Ok(canon)
}

/// The environments whose project is `dir` or its nearest ancestor that is
/// some environment's project (several when they share it), with that
/// project; `None` when no ancestor of `dir` is a project. Stored projects
/// are compared as written and with links resolved (an entry written
/// before projects were normalised may hold either).
pub fn envs_for_dir(index: &Index, dir: &Path) -> Option<(PathBuf, Vec<String>)> {
    let mut best: Option<(usize, PathBuf, Vec<String>)> = None;
    for (name, entry) in &index.envs {
        let Some(project) = &entry.project else {
            continue;
        };
        let canon = project.canonicalize().ok();
        let Some(depth) = [Some(project.clone()), canon]
            .into_iter()
            .flatten()
            .filter(|p| dir.starts_with(p))
            .map(|p| p.components().count())
            .max()
        else {
            continue;
        };
        match &mut best {
            Some((d, _, names)) if *d == depth => names.push(name.clone()),
            Some((d, _, _)) if *d > depth => {}
            _ => best = Some((depth, project.clone(), vec![name.clone()])),
        }
    }
    best.map(|(_, project, names)| (project, names))
}

/// The name of the environment `workon .` means in the current directory.
pub fn env_for_cwd(index: &Index) -> Result<String> {
    let cwd = std::env::current_dir()
        .map_err(|e| anyhow::anyhow!("cannot read the current directory: {e}"))?;
    match envs_for_dir(index, &cwd) {
        Some((_, mut names)) if names.len() == 1 => Ok(names.remove(0)),
        Some((project, names)) => bail!(hinted(
            format!(
                "several environments have the project {}: {}",
                project.display(),
                names.join(", ")
            ),
            "name the one to activate: 'workon NAME'"
        )),
        None => bail!(hinted(
            format!(
                "no environment has {} (or a directory above it) as its project",
                cwd.display()
            ),
            "bind one with 'envreg set NAME --project .', or name it: 'workon NAME'"
        )),
    }
}
