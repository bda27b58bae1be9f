//! The `link` and `unlink` transactions: `DIR/.venv` as a symlink to a
//! registered environment's directory, recorded in the index (the entry's
//! `links`) so the auto-activation hooks trust DIR.
//!
//! Order: DIR unbound from any other environment (saved), the symlink,
//! the index last. A kill in between leaves DIR bound to no environment
//! and a link the index does not record yet; `envreg link` with the same
//! arguments records it (the link is already right), and `envreg unlink`
//! removes it (it points at a registered environment). A `.venv` that is
//! anything else than a link envreg made is never touched.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::{Locked, Registry};
use crate::errors::hinted;

/// What `link` did.
#[derive(Debug, PartialEq)]
pub enum Linked {
    /// `DIR/.venv` was made.
    Created,
    /// It already linked to the environment; only the record may be new.
    Already,
    /// It linked to the environment named here (or to a gone one: `None`),
    /// and was replaced (`--force`).
    Replaced(Option<String>),
}

/// What `unlink` did.
#[derive(Debug, PartialEq)]
pub enum Unlinked {
    /// `DIR/.venv` was removed; it linked to this registered environment.
    Removed(Option<String>),
    /// There was no `DIR/.venv`, but DIR was still bound to this
    /// environment: the binding was dropped.
    Forgotten(String),
}

/// What `link` does to `DIR/.venv`.
enum Change {
    Create,
    Replace,
}

/// The name of the link in a project directory.
pub const VENV: &str = ".venv";

impl Locked<'_> {
    /// Make `dir/.venv` a symlink to environment `name` and record `dir`.
    /// `dir` is absolute (the command resolves it).
    pub fn link(&mut self, name: &str, dir: &Path, force: bool) -> Result<Linked> {
        let entry = Registry::get(&self.index, name)?.clone();
        let env_dir = self.registry.dir_of(name, &entry);
        if !env_dir.is_dir() {
            bail!(hinted(
                format!("the directory of '{name}' ({}) is gone", env_dir.display()),
                format!("'envreg rm {name}' unregisters it")
            ));
        }
        let link = dir.join(VENV);
        // What to do is decided first; nothing changes until it is.
        let (outcome, change) = match link.symlink_metadata() {
            // Created in one step, and never over something that appeared
            // meanwhile (symlink fails when the name exists).
            Err(e) if e.kind() == ErrorKind::NotFound => (Linked::Created, Some(Change::Create)),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot look at {}", link.display()));
            }
            Ok(meta) if !meta.file_type().is_symlink() => {
                let what = if meta.is_dir() {
                    "a directory (a virtual environment of its own?)"
                } else {
                    "a file"
                };
                bail!(hinted(
                    format!(
                        "{} is {what}, not a link envreg made; nothing was changed",
                        link.display()
                    ),
                    "move it away yourself if '.venv' should be the link"
                ));
            }
            Ok(_) => {
                let target = target_of(&link)?;
                if same_dir(&target, &env_dir) {
                    (Linked::Already, None)
                } else if entry.links.iter().any(|l| same_dir(l, dir)) {
                    // This environment's own link, left pointing at its old
                    // directory (a rename killed before it re-pointed it).
                    (
                        Linked::Replaced(Some(name.to_string())),
                        Some(Change::Replace),
                    )
                } else {
                    let Some(owner) = self.envreg_link(dir, &target) else {
                        bail!(hinted(
                            format!(
                                "{} is a link to {}, which envreg did not make; nothing was changed",
                                link.display(),
                                target.display()
                            ),
                            "remove it yourself if '.venv' should link to an envreg environment"
                        ));
                    };
                    if !force {
                        let what = match &owner {
                            Some(other) => format!("environment '{other}'"),
                            None => format!("{}, which is gone", target.display()),
                        };
                        bail!(hinted(
                            format!(
                                "{} already links to {what}; nothing was changed",
                                link.display()
                            ),
                            format!("'envreg link --force {name} {}' replaces it", dir.display())
                        ));
                    }
                    (Linked::Replaced(owner), Some(Change::Replace))
                }
            }
        };
        // One directory, one environment: DIR is dropped from the others,
        // and that is saved before `.venv` changes, so that a kill in
        // between never leaves the index (and the auto-activation hooks
        // reading the projects file) binding DIR to one environment while
        // `.venv` leads to another: only to none, as after any kill here.
        let before = self.index.clone();
        let mut unbound = false;
        for (_, e) in self.index.envs.iter_mut().filter(|(n, _)| *n != name) {
            let count = e.links.len();
            e.links.retain(|l| !same_dir(l, dir));
            unbound |= e.links.len() != count;
        }
        if unbound && change.is_some() {
            if let Err(err) = self.save() {
                self.index = before;
                return Err(err.context("nothing was changed"));
            }
            crate::crash_point!("link.unbound");
        }
        let made = match change {
            Some(Change::Create) => symlink_dir(&env_dir, &link)
                .with_context(|| format!("cannot create {}", link.display())),
            Some(Change::Replace) => replace_link(&env_dir, &link),
            None => Ok(()),
        };
        if let Err(err) = made {
            // `.venv` is as it was: so is the binding.
            if unbound {
                self.index = before;
                if let Err(e) = self.save() {
                    crate::say!("envreg: warning: {e:#}");
                }
            }
            return Err(err);
        }
        if change.is_some() {
            crate::crash_point!("link.created");
        }
        let entry = self
            .index
            .envs
            .get_mut(name)
            .context("the entry vanished under the lock")?;
        let recorded = entry.links.iter().any(|l| l == dir);
        if !recorded {
            entry.links.push(dir.to_path_buf());
        }
        if unbound || !recorded || change.is_some() {
            self.save()?;
            crate::crash_point!("link.committed");
        }
        Ok(outcome)
    }

    /// Remove `dir/.venv` if it is a link envreg made, and forget `dir`
    /// in every entry. A missing `.venv` whose DIR is still recorded only
    /// drops the record.
    pub fn unlink(&mut self, dir: &Path) -> Result<Unlinked> {
        let link = dir.join(VENV);
        let meta = match link.symlink_metadata() {
            Err(e) if e.kind() == ErrorKind::NotFound => {
                // Removed by hand (or by a killed unlink) but still bound:
                // forget the binding.
                if let Some(name) = self.forget(dir) {
                    self.save()?;
                    crate::crash_point!("unlink.committed");
                    return Ok(Unlinked::Forgotten(name));
                }
                bail!(hinted(
                    format!("{} does not exist; nothing was changed", link.display()),
                    "'envreg link NAME DIR' makes one"
                ));
            }
            other => other.with_context(|| format!("cannot look at {}", link.display()))?,
        };
        if !meta.file_type().is_symlink() {
            bail!(hinted(
                format!(
                    "{} is not a link envreg made (it is a {}); nothing was changed",
                    link.display(),
                    if meta.is_dir() { "directory" } else { "file" }
                ),
                "envreg unlinks only the '.venv' symlinks 'envreg link' makes"
            ));
        }
        let target = target_of(&link)?;
        let Some(owner) = self.envreg_link(dir, &target) else {
            bail!(hinted(
                format!(
                    "{} is a link to {}, which envreg did not make; nothing was changed",
                    link.display(),
                    target.display()
                ),
                "envreg unlinks only the '.venv' symlinks 'envreg link' makes"
            ));
        };
        std::fs::remove_file(&link).with_context(|| format!("cannot remove {}", link.display()))?;
        crate::crash_point!("unlink.removed");
        if self.forget(dir).is_some() {
            self.save()?;
            crate::crash_point!("unlink.committed");
        }
        Ok(Unlinked::Removed(owner))
    }

    /// Drop `dir` from every entry's links (not saved); the name of an
    /// environment it was recorded with, if any.
    fn forget(&mut self, dir: &Path) -> Option<String> {
        let mut found = None;
        for (name, e) in self.index.envs.iter_mut() {
            let before = e.links.len();
            e.links.retain(|l| !same_dir(l, dir));
            if e.links.len() != before {
                found.get_or_insert_with(|| name.clone());
            }
        }
        found
    }

    /// Whether the symlink `dir/.venv` → `target` is one envreg made: it
    /// points at a registered environment's directory, or into envreg's
    /// `envs/`, or `dir` is recorded as linked. `Some(Some(name))` names
    /// the registered environment it points at.
    fn envreg_link(&self, dir: &Path, target: &Path) -> Option<Option<String>> {
        let owner = self
            .index
            .envs
            .iter()
            .find(|(n, e)| same_dir(&self.registry.dir_of(n, e), target))
            .map(|(n, _)| n.clone());
        let ours = owner.is_some()
            || (target.starts_with(self.registry.home().envs_dir())
                && !target
                    .components()
                    .any(|c| c == std::path::Component::ParentDir))
            || self
                .index
                .envs
                .values()
                .any(|e| e.links.iter().any(|l| same_dir(l, dir)));
        ours.then_some(owner)
    }
}

/// After a rename: make each `DIR/.venv` in `links` that still points at
/// `old_dir` point at `new_dir`. Best effort (the rename is committed): a
/// failure is said, and `envreg link NAME DIR` repairs it. True when any
/// link was changed.
pub fn repoint(links: &[PathBuf], old_dir: &Path, new_dir: &Path) -> bool {
    let mut changed = false;
    for dir in links {
        let link = dir.join(VENV);
        let points_at_old = link
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
            && target_of(&link).is_ok_and(|t| t == old_dir);
        if !points_at_old {
            continue;
        }
        match replace_link(new_dir, &link) {
            Ok(()) => changed = true,
            Err(e) => crate::say!("envreg: warning: {e:#}; 'envreg link' again repairs it"),
        }
    }
    changed
}

/// Where the symlink `link` points, made absolute against its directory.
fn target_of(link: &Path) -> Result<PathBuf> {
    let target =
        std::fs::read_link(link).with_context(|| format!("cannot read {}", link.display()))?;
    Ok(match link.parent() {
        Some(parent) => parent.join(target),
        None => target,
    })
}

/// Replace the symlink `link` by one to `env_dir` in one step: a new link
/// under a temporary name, renamed over it.
fn replace_link(env_dir: &Path, link: &Path) -> Result<()> {
    let tmp = link.with_file_name(format!(".venv.envreg-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    symlink_dir(env_dir, &tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
    if let Err(e) = std::fs::rename(&tmp, link) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot replace {}", link.display()));
    }
    Ok(())
}

#[cfg(unix)]
fn symlink_dir(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(windows)]
fn symlink_dir(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::windows::fs::symlink_dir(target, link)
}

fn same_dir(a: &Path, b: &Path) -> bool {
    super::same_dir(a, b)
}
