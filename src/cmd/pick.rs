//! `envreg pick` (hidden): the fuzzy picker behind a bare `workon` on a
//! terminal. The menu is drawn on stderr and keys are read from the terminal,
//! so the shell can capture the chosen name from stdout.

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};
use dialoguer::console::{Key, Term};

use crate::errors::hinted;
use crate::registry::Registry;
use crate::registry::status::{self, Health};

/// How many lines of the menu are on the terminal now, for the Ctrl-C
/// handler to erase.
static DRAWN: AtomicUsize = AtomicUsize::new(0);

/// How the picker ended.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Chosen(usize),
    /// Esc, Ctrl-D, or the terminal went away.
    Cancelled,
    /// Ctrl-C.
    Interrupted,
}

/// Let the user choose an environment; print its name. Inside a project
/// directory (or below one) the environment bound to it is listed first and
/// preselected; else the active one is preselected. Esc and Ctrl-D
/// cancel with exit status 1, Ctrl-C with 130; a cancelled picker erases
/// itself and prints nothing.
pub fn run(registry: &Registry) -> Result<ExitCode> {
    let index = registry.read()?;
    // Inside a project directory its environment comes first, chosen.
    let here = std::env::current_dir()
        .ok()
        .and_then(|cwd| super::project::envs_for_dir(&index, &cwd))
        .map(|(_, names)| names)
        .unwrap_or_default();
    let active = std::env::var_os("VIRTUAL_ENV").and_then(|active| {
        index
            .envs
            .iter()
            .find(|(name, entry)| registry.dir_of(name, entry).as_os_str() == active)
            .map(|(name, _)| name.as_str())
    });
    let (names, start) = order(index.envs.keys().map(String::as_str), &here, active);
    if names.is_empty() {
        bail!(hinted(
            "no environments yet",
            "create one with 'envreg mkenv NAME'"
        ));
    }
    let term = Term::stderr();
    if !term.is_term() {
        bail!(hinted(
            "the picker needs a terminal on stderr",
            "'envreg ls --names' lists the names"
        ));
    }
    // Keys are read in raw mode, so Ctrl-C is a key there; but between two
    // reads the terminal is in its usual mode and Ctrl-C raises SIGINT:
    // erase the menu, show the cursor again, then exit.
    let _ = ctrlc::set_handler(|| {
        let term = Term::stderr();
        let _ = term.clear_last_lines(DRAWN.load(Ordering::SeqCst));
        let _ = term.show_cursor();
        std::process::exit(130);
    });
    // Environments that cannot work are marked in the menu; choosing one
    // says why and what fixes it, and activates nothing.
    let mut interpreters = std::collections::HashMap::new();
    let health: Vec<Health> = names
        .iter()
        .map(|name| {
            let entry = &index.envs[*name];
            status::check(&registry.dir_of(name, entry), entry, &mut interpreters)
        })
        .collect();
    let labels: Vec<String> = names
        .iter()
        .zip(&health)
        .map(|(name, h)| {
            if h.unusable() {
                format!("{name}  ({})", h.status)
            } else {
                name.to_string()
            }
        })
        .collect();
    let outcome = pick(&term, &names, &labels, start);
    let _ = term.show_cursor();
    match outcome.context("could not read your choice from the terminal")? {
        Outcome::Chosen(i) if health[i].unusable() => {
            let name = names[i];
            let h = &health[i];
            crate::say!(
                "envreg: '{name}' is {}: {}; workon did not activate it",
                h.status,
                h.reason.as_deref().unwrap_or_default()
            );
            if let Some(fix) = h.fix(name) {
                crate::say!("hint: '{fix}' fixes it");
            }
            crate::say!("hint: or 'workon --force {name}' activates it anyway");
            Ok(ExitCode::from(1))
        }
        Outcome::Chosen(i) => {
            writeln!(io::stdout().lock(), "{}", names[i])?;
            Ok(ExitCode::SUCCESS)
        }
        Outcome::Cancelled => Ok(ExitCode::from(1)),
        Outcome::Interrupted => Ok(ExitCode::from(130)),
    }
}

/// The names in the menu and the one chosen at the start: the environments
/// of the project the current directory is in (`here`) first, chosen; else
/// the list as it is, with the `active` environment chosen (or the first).
fn order<'a>(
    all: impl Iterator<Item = &'a str>,
    here: &'a [String],
    active: Option<&str>,
) -> (Vec<&'a str>, usize) {
    let mut names: Vec<&str> = here.iter().map(String::as_str).collect();
    names.extend(all.filter(|n| !here.iter().any(|h| h == n)));
    let start = if here.is_empty() {
        active
            .and_then(|a| names.iter().position(|n| *n == a))
            .unwrap_or(0)
    } else {
        0
    };
    (names, start)
}

/// Whether every character of `query` appears in `name` in order, ignoring case.
fn matches(name: &str, query: &str) -> bool {
    let mut chars = name.chars().flat_map(char::to_lowercase);
    query
        .chars()
        .flat_map(char::to_lowercase)
        .all(|q| chars.any(|c| c == q))
}

/// The text `limit` columns wide at most (names are ASCII; this only keeps
/// a narrow terminal from wrapping lines the menu would then miscount).
fn fit(text: &str, limit: usize) -> String {
    text.chars().take(limit).collect()
}

/// Draw the menu, read keys until one ends it, erase the menu.
fn pick(term: &Term, names: &[&str], labels: &[String], start: usize) -> io::Result<Outcome> {
    let mut query = String::new();
    let mut selected = start;
    term.hide_cursor()?;
    let outcome = loop {
        let found: Vec<usize> = (0..names.len())
            .filter(|&i| matches(names[i], &query))
            .collect();
        selected = selected.min(found.len().saturating_sub(1));
        let (rows, cols) = term.size();
        let width = usize::from(cols).max(10) - 1;
        let height = usize::from(rows).saturating_sub(2).max(1);
        let first = (selected + 1).saturating_sub(height);
        let mut text = fit(&format!("? workon (Esc to cancel) › {query}"), width);
        text.push('\n');
        for (row, &i) in found.iter().enumerate().skip(first).take(height) {
            let mark = if row == selected { "❯ " } else { "  " };
            text.push_str(&fit(&format!("{mark}{}", labels[i]), width));
            text.push('\n');
        }
        term.clear_last_lines(DRAWN.load(Ordering::SeqCst))?;
        term.write_str(&text)?;
        DRAWN.store(text.lines().count(), Ordering::SeqCst);
        match term.read_key_raw() {
            Ok(Key::Enter) => {
                if let Some(&i) = found.get(selected) {
                    break Outcome::Chosen(i);
                }
            }
            Ok(Key::Escape | Key::Char('\u{4}')) => break Outcome::Cancelled,
            Ok(Key::CtrlC | Key::Char('\u{3}')) => break Outcome::Interrupted,
            Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => break Outcome::Cancelled,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => break Outcome::Interrupted,
            Err(err) => {
                let _ = term.clear_last_lines(DRAWN.swap(0, Ordering::SeqCst));
                return Err(err);
            }
            Ok(Key::ArrowUp | Key::BackTab) if !found.is_empty() => {
                selected = selected.checked_sub(1).unwrap_or(found.len() - 1);
            }
            Ok(Key::ArrowDown | Key::Tab) if !found.is_empty() => {
                selected = (selected + 1) % found.len();
            }
            Ok(Key::Backspace) => {
                query.pop();
                selected = 0;
            }
            Ok(Key::Char(c)) if !c.is_control() => {
                query.push(c);
                selected = 0;
            }
            Ok(_) => {}
        }
    };
    term.clear_last_lines(DRAWN.swap(0, Ordering::SeqCst))?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::{matches, order};

    #[test]
    fn a_project_env_comes_first_else_the_active_one_is_chosen() {
        let all = ["a", "b", "c", "d"];
        let here = vec!["c".to_string()];
        assert_eq!(
            order(all.into_iter(), &here, Some("b")),
            (vec!["c", "a", "b", "d"], 0)
        );
        assert_eq!(order(all.into_iter(), &[], Some("b")), (all.to_vec(), 1));
        assert_eq!(order(all.into_iter(), &[], None), (all.to_vec(), 0));
    }

    #[test]
    fn fuzzy_matching_is_an_ordered_subsequence_ignoring_case() {
        assert!(matches("proj2", "pj2"));
        assert!(matches("Web-API", "wa"));
        assert!(matches("proj1", ""));
        assert!(!matches("proj1", "2"));
        assert!(!matches("proj1", "jp"));
    }
}
