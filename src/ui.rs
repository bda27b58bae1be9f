//! Talking to people: messages on stderr, and user data made safe to print.

use std::borrow::Cow;
use std::fmt;
use std::io::Write;

/// Print a line on stderr, like `eprintln!`, but never panic: a failed write
/// (stderr closed, or `/dev/full`) is ignored, as there is nowhere left to
/// report it.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::ui::say_line(::std::format_args!($($arg)*))
    };
}

/// What [`say!`] calls: write `args` and a newline to stderr, ignoring errors.
pub fn say_line(args: fmt::Arguments<'_>) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args);
    let _ = err.write_all(b"\n");
    let _ = err.flush();
}

/// `text` with every control character escaped the way Rust's
/// `escape_debug` does (`\n`, `\t`, `\u{1b}`), and so are the invisible
/// characters that reorder text (bidi overrides and isolates), so that data
/// from the index or the user cannot move the cursor, clear the screen or
/// break a table's lines. A backslash is kept as it is (Windows paths).
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.extend(c.escape_debug());
            if c.escape_debug().len() == 1 {
                // escape_debug leaves some format characters alone.
                out.pop();
                out.push_str(&c.escape_unicode().to_string());
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// At most `max` characters of `text`, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
    }
}

/// A handle to our stderr, so a child's stdout does not mix with our data.
pub fn stderr_as_stdio() -> std::io::Result<std::process::Stdio> {
    #[cfg(unix)]
    let owned = {
        use std::os::fd::AsFd;
        std::io::stderr().as_fd().try_clone_to_owned()?
    };
    #[cfg(windows)]
    let owned = {
        use std::os::windows::io::AsHandle;
        std::io::stderr().as_handle().try_clone_to_owned()?
    };
    Ok(owned.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_only() {
        assert_eq!(escape_controls("plain /a b/c\\d é"), "plain /a b/c\\d é");
        assert_eq!(escape_controls("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_controls("x\ny\tz\r"), "x\\ny\\tz\\r");
        assert_eq!(escape_controls("\u{7f}\u{85}"), "\\u{7f}\\u{85}");
        assert_eq!(escape_controls("a\u{202e}b"), "a\\u{202e}b");
    }

    #[test]
    fn shortens() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "abc…");
        assert_eq!(shorten("ééé", 2), "éé…");
    }
}
