//! `ENVREG_HOME/projects`: the directories bound to an environment (its
//! project, set by `mkenv --project` / `set --project`, and the directories
//! `envreg link` gave a `.venv`), one `DIR<TAB>NAME` line each, for the
//! auto-activation hooks (`envreg init SHELL --auto`) to read with their
//! shell's builtin `read`, without starting a program.
//!
//! The file is derived from the index: it is rewritten (atomically, and
//! only when its contents change) whenever the index is saved under the
//! lock, and written when the lock finds it missing. Lines are sorted by
//! the length of DIR, longest first, so the first line whose DIR is `$PWD`
//! or a parent of it is the innermost bound directory. A directory that is
//! reached through a symlink is listed both as stored and resolved, so a
//! shell's logical `$PWD` matches either way. Paths a line cannot carry
//! (a tab or a line break in them, or not UTF-8) and `/` are left out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Index;
use crate::fsutil::write_atomic;

/// The first line of the file.
pub const HEADER: &str = "# envreg: directories bound to environments (DIR<TAB>NAME); rewritten by envreg, do not edit\n";

/// The text of the projects file for `index`.
pub fn render(index: &Index) -> String {
    // A link is what tools see in the directory: it wins over a project
    // naming the same directory. Among equals, the first name wins.
    let mut bound: BTreeMap<String, &str> = BTreeMap::new();
    for links in [true, false] {
        for (name, entry) in &index.envs {
            let dirs: Vec<&PathBuf> = if links {
                entry.links.iter().collect()
            } else {
                entry.project.iter().collect()
            };
            for dir in dirs {
                for form in forms(dir) {
                    bound.entry(form).or_insert(name);
                }
            }
        }
    }
    let mut lines: Vec<(String, &str)> = bound.into_iter().collect();
    lines.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut text = String::from(HEADER);
    for (dir, name) in lines {
        text.push_str(&dir);
        text.push('\t');
        text.push_str(name);
        text.push('\n');
    }
    text
}

/// `dir` as stored and, when it differs, resolved; each as the hooks
/// compare it with `$PWD` (no trailing separator), and only when a line
/// can carry it.
fn forms(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let resolved = dir.canonicalize().ok();
    for p in std::iter::once(dir).chain(resolved.as_deref()) {
        let Some(text) = p.to_str() else { continue };
        let text = text.trim_end_matches('/');
        if text.is_empty() || !p.is_absolute() || text.contains(['\t', '\n', '\r']) {
            continue;
        }
        if !out.iter().any(|o| o == text) {
            out.push(text.to_string());
        }
    }
    out
}

/// Write the projects file for `index` at `path` when its contents differ
/// (an unchanged file keeps its time stamp). Best effort: a failure is
/// said, never fatal — the index, the record of truth, is already saved.
pub fn sync(path: &Path, index: &Index) {
    let text = render(index);
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return;
    }
    if let Err(err) = write_atomic(path, text.as_bytes()) {
        crate::say!(
            "envreg: warning: cannot write {} ({err}); auto-activation may use stale projects",
            path.display()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::index::{Entry, Flags, PythonRecord};

    fn entry(project: Option<&str>, links: &[&str]) -> Entry {
        Entry {
            path: "/e".into(),
            managed: true,
            python: PythonRecord {
                requested: None,
                executable: "/usr/bin/python3".into(),
                version: "3.12.1".into(),
                implementation: "CPython".into(),
            },
            created: 0,
            last_used: None,
            project: project.map(PathBuf::from),
            flags: Flags::default(),
            incomplete: None,
            unrecorded: false,
            temp: false,
            vars: Default::default(),
            links: links.iter().map(PathBuf::from).collect(),
        }
    }

    #[test]
    fn longest_first_links_win_and_bad_paths_are_left_out() {
        let mut index = Index::default();
        index
            .envs
            .insert("a".into(), entry(Some("/nonexistent/src/a"), &[]));
        index.envs.insert(
            "b".into(),
            entry(
                Some("/nonexistent/src/a/deep/er/"),
                &["/nonexistent/src/a", "/tab\there", "/"],
            ),
        );
        index.envs.insert("c".into(), entry(None, &[]));
        assert_eq!(
            render(&index),
            format!("{HEADER}/nonexistent/src/a/deep/er\tb\n/nonexistent/src/a\tb\n")
        );
    }
}
