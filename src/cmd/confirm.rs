//! A yes/no question on the terminal, answered with one key.

use std::io;

use anyhow::{Result, bail};
use dialoguer::console::{Key, Term};

/// Ask `question` on the terminal and read one key: `y`/`Y` is yes; `n`,
/// `N`, Enter, Esc, `q`, Ctrl-D and Ctrl-C are no (the default). Other keys
/// are ignored. The key is read in raw mode, which is always undone before
/// this returns (Ctrl-C is read as a key, not a signal, so it cannot leave
/// the terminal raw), and the cursor is never hidden. The answer is echoed
/// as "yes" or "no". An error when there is no terminal to ask on.
pub fn confirm(question: &str) -> Result<bool> {
    let term = [Term::stderr(), Term::stdout()]
        .into_iter()
        .find(Term::is_term);
    let Some(term) = term else {
        bail!("neither stderr nor stdout is a terminal");
    };
    term.write_str(&format!("{question} [y/N] "))?;
    let answer = loop {
        match term.read_key_raw() {
            Ok(Key::Char('y' | 'Y')) => break true,
            Ok(Key::Char('n' | 'N' | 'q' | 'Q' | '\u{4}' | '\u{3}'))
            | Ok(Key::Enter | Key::Escape | Key::CtrlC) => break false,
            // The terminal went away: nobody said yes.
            Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => break false,
            Err(err) => {
                let _ = term.write_line("");
                return Err(err.into());
            }
            Ok(_) => {}
        }
    };
    term.write_line(if answer { "yes" } else { "no" })?;
    Ok(answer)
}

/// Ask whether to remove what `question` names (`rm`, `gc`): the answer, or
/// an error with the hint to pass -y when no terminal can be asked on.
pub fn confirm_removal(question: &str) -> Result<bool> {
    confirm(question).map_err(|err| {
        crate::errors::hinted(
            "cannot ask for confirmation",
            "pass -y/--yes to remove without asking",
        )
        .because(err)
        .into()
    })
}

/// Names as a question or a message shows them: 'a', 'b'.
pub fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ")
}
