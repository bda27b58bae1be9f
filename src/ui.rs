//! Messages for people, on stderr. Writing them never fails a command and
//! never panics (stderr may be closed, a full disk or a broken pipe).

/// Like `eprintln!`, but a failed write is ignored.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}
