//! Environment names: `[A-Za-z0-9][A-Za-z0-9._+-]*`, at most 64 characters.

use std::fmt;

pub const MAX_LEN: usize = 64;

/// Why a name was refused. The message names the offending character.
#[derive(Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong(usize),
    BadFirst(char),
    BadChar(char, usize),
    /// A Windows device name (`CON`, `nul.txt`, `Com1`): the directory
    /// could not be created on Windows, so it is refused everywhere.
    Reserved(String),
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Empty => write!(f, "the name is empty"),
            NameError::TooLong(n) => write!(
                f,
                "the name is {n} characters long; at most {MAX_LEN} are allowed"
            ),
            NameError::BadFirst(c) => write!(
                f,
                "a name must start with a letter or digit, not {}",
                describe(*c)
            ),
            NameError::BadChar(c, pos) => write!(
                f,
                "{} (at position {}) is not allowed",
                describe(*c),
                pos + 1
            ),
            NameError::Reserved(device) => write!(
                f,
                "{device} is a reserved device name on Windows (also with any extension \
                 or in any case), so no directory can have it there"
            ),
        }
    }
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\t' => "a tab".to_string(),
        '\n' => "a newline".to_string(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("{c:?}"),
    }
}

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-')
}

/// [`validate`] for a name a command is about to create, as the error a
/// user sees: what is wrong with it, and the rules on a hint line.
pub fn check_new(name: &str) -> anyhow::Result<()> {
    validate(name).map_err(|e| {
        crate::errors::hinted(
            format!("invalid environment name '{}': {e}", name.escape_debug()),
            format!(
                "choose a name of letters, digits, '.', '_', '+' and '-' that starts with a \
                 letter or digit, at most {MAX_LEN} characters"
            ),
        )
        .into()
    })
}

/// Check a name against the rules; `.` and `..` fail because they start with '.'.
pub fn validate(name: &str) -> Result<(), NameError> {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return Err(NameError::Empty);
    };
    if !first.is_ascii_alphanumeric() {
        return Err(NameError::BadFirst(first));
    }
    if let Some((pos, c)) = name.chars().enumerate().find(|(_, c)| !allowed(*c)) {
        return Err(NameError::BadChar(c, pos));
    }
    let len = name.chars().count();
    if len > MAX_LEN {
        return Err(NameError::TooLong(len));
    }
    if let Some(device) = reserved_device(name) {
        return Err(NameError::Reserved(device));
    }
    Ok(())
}

/// The Windows device name `name` stands for, if any: `CON`, `PRN`, `AUX`,
/// `NUL`, `COM1`-`COM9`, `LPT1`-`LPT9`, in any case, alone or followed by an
/// extension (Windows ignores everything from the first dot, and trailing
/// spaces, which names cannot hold). Superscript digits, which Windows also
/// treats as device names, are not allowed characters anyway.
fn reserved_device(name: &str) -> Option<String> {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    let reserved = match stem.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        s if s.len() == 4 && (s.starts_with("COM") || s.starts_with("LPT")) => {
            matches!(s.as_bytes()[3], b'1'..=b'9')
        }
        _ => false,
    };
    reserved.then_some(stem)
}

/// The closest of `candidates` to `name`, if any is close enough to suggest.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = name.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&lower, &c.to_ascii_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_good_names() {
        for name in ["a", "proj1", "My.Env_2+x-y", "3.12", &"x".repeat(64)] {
            assert_eq!(validate(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn refuses_bad_names_naming_the_character() {
        assert_eq!(validate(""), Err(NameError::Empty));
        assert_eq!(validate("."), Err(NameError::BadFirst('.')));
        assert_eq!(validate(".."), Err(NameError::BadFirst('.')));
        assert_eq!(validate("-x"), Err(NameError::BadFirst('-')));
        assert_eq!(validate("a/b"), Err(NameError::BadChar('/', 1)));
        assert_eq!(validate("a b"), Err(NameError::BadChar(' ', 1)));
        assert_eq!(validate("ab:"), Err(NameError::BadChar(':', 2)));
        assert_eq!(validate("café"), Err(NameError::BadChar('é', 3)));
        assert_eq!(validate(&"x".repeat(65)), Err(NameError::TooLong(65)));
        let msg = validate("a b").unwrap_err().to_string();
        assert!(
            msg.contains("a space") && msg.contains("position 2"),
            "{msg}"
        );
        let msg = validate("a$b").unwrap_err().to_string();
        assert!(msg.contains("'$'"), "{msg}");
    }

    #[test]
    fn refuses_windows_device_names_everywhere() {
        for name in [
            "CON", "con", "Prn", "aux", "NUL", "nul.txt", "Com1", "COM9", "lpt1", "LPT5.x.y",
            "con.",
        ] {
            let err = validate(name).unwrap_err();
            assert!(matches!(err, NameError::Reserved(_)), "{name}: {err:?}");
            let msg = err.to_string();
            assert!(msg.contains("reserved device name on Windows"), "{msg}");
        }
        assert!(
            validate("Com1")
                .unwrap_err()
                .to_string()
                .starts_with("COM1 ")
        );
        for name in [
            "COM0",
            "COM10",
            "LPT",
            "console",
            "nul1",
            "auxiliary",
            "x.con",
            "CON1",
        ] {
            assert_eq!(validate(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn suggests_close_names_only() {
        let names = ["proj1", "webapp", "data-science"];
        assert_eq!(suggest("proj2", names), Some("proj1"));
        assert_eq!(suggest("WebAp", names), Some("webapp"));
        assert_eq!(suggest("data-sceince", names), Some("data-science"));
        assert_eq!(suggest("zzz", names), None);
    }
}
