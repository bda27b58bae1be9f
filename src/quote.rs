//! Quoting a value for each shell envreg writes code for: the activation
//! scripts (`venv::activate`) and the commands `envreg activate` prints
//! (`shell`) use these, so a value is quoted one way everywhere. They are
//! tested against the real shells in `venv::activate`'s tests.

use anyhow::{Result, bail};

/// A POSIX shell word: single quotes, each `'` written as `'\''`.
pub fn posix_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// A fish word: single quotes, in which only `\` and `'` need a backslash.
pub fn fish_quote(value: &str) -> String {
    format!("'{}'", value.replace('\\', r"\\").replace('\'', r"\'"))
}

/// A csh word: single quotes, `'` as `'\''`, and `!` as `\!` because history
/// substitution happens even inside single quotes.
pub fn csh_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''").replace('!', r"\!"))
}

/// A nushell raw string `r#'...'#`, with as many `#` as it takes for the
/// closing delimiter not to occur inside the value.
pub fn nu_quote(value: &str) -> String {
    let mut hashes = String::from("#");
    while value.contains(&format!("'{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}'{value}'{hashes}")
}

/// A PowerShell verbatim string: single quotes, each quote doubled. PowerShell
/// also takes the typographic single quotes (U+2018..U+201B) as quotes.
pub fn powershell_quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// Text for inside `set "NAME=..."` in a batch file: `%` doubled; a `"` cannot
/// be written there at all (and cannot occur in a Windows path).
pub fn batch_escape(value: &str) -> Result<String> {
    if value.contains('"') {
        bail!(
            "{value:?} contains a double quote, which cmd.exe scripts cannot hold; \
             choose a prompt without it"
        );
    }
    Ok(value.replace('%', "%%"))
}
