//! The shape of every error envreg prints, and how `main` prints it:
//!
//! ```text
//! envreg: <what failed, on what>[: <cause>: <cause>…]
//!   <optional detail lines, indented>
//! hint: <what to do next>
//! ```
//!
//! Convention for code that fails: say what failed in the message, and put
//! the fix (a command to run, a flag to pass) on a hint, never inside the
//! message:
//!
//! ```ignore
//! bail!(hinted(format!("no environment named '{name}'"), "see 'envreg ls'"));
//! // an error from below, with what failed before it and the fix after it:
//! result.map_err(|err| hinted("cannot ask for confirmation", "pass -y/--yes").because(err))?;
//! ```
//!
//! anyhow's `.context("…")` stays the way to say what was being done; the
//! hints of every [`Hinted`] in the chain are printed, outermost first.

use std::fmt;

/// An error whose fix is printed on `hint:` lines after the message.
#[derive(Debug)]
pub struct Hinted {
    message: String,
    hints: Vec<String>,
    source: Option<anyhow::Error>,
}

/// `message`, and `hint` on a line of its own: `hinted("…", "…")`.
pub fn hinted(message: impl Into<String>, hint: impl Into<String>) -> Hinted {
    Hinted {
        message: message.into(),
        hints: vec![hint.into()],
        source: None,
    }
}

impl Hinted {
    /// One more hint line.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// The lower-level error this one is about, printed after the message
    /// (`envreg: <message>: <cause>`).
    pub fn because(mut self, cause: anyhow::Error) -> Self {
        self.source = Some(cause);
        self
    }
}

impl fmt::Display for Hinted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Hinted {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|cause| cause.as_ref() as &(dyn std::error::Error + 'static))
    }
}

/// The hints of every [`Hinted`] in `err`'s chain, outermost first, each once.
pub fn hints(err: &anyhow::Error) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for cause in err.chain() {
        if let Some(hinted) = cause.downcast_ref::<Hinted>() {
            for hint in &hinted.hints {
                if !out.contains(&hint.as_str()) {
                    out.push(hint);
                }
            }
        }
    }
    out
}

/// The whole text `main` prints for `err`: `envreg: ` and the chain of
/// causes on the first line (detail lines a message carries follow it),
/// then one `hint: ` line per hint.
pub fn render(err: &anyhow::Error) -> String {
    let mut text = format!("envreg: {err:#}");
    for hint in hints(err) {
        text.push_str("\nhint: ");
        text.push_str(hint);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::{Context, anyhow};

    #[test]
    fn a_hinted_error_prints_its_hints_on_lines_of_their_own() {
        let err = anyhow::Error::new(hinted("no environment named 'x'", "see 'envreg ls'"));
        assert_eq!(
            render(&err),
            "envreg: no environment named 'x'\nhint: see 'envreg ls'"
        );
    }

    #[test]
    fn context_goes_before_and_hints_of_every_layer_after() {
        let inner = anyhow::Error::new(hinted("inner", "fix inner").hint("or this"));
        let err = Err::<(), _>(inner)
            .context("what was done")
            .map_err(|e| anyhow::Error::new(hinted("outer", "fix outer").because(e)))
            .unwrap_err();
        assert_eq!(
            render(&err),
            "envreg: outer: what was done: inner\nhint: fix outer\nhint: fix inner\nhint: or this"
        );
    }

    #[test]
    fn a_plain_error_has_no_hint_lines() {
        let err = anyhow!("disk full").context("cannot write the index");
        assert_eq!(render(&err), "envreg: cannot write the index: disk full");
    }
}
