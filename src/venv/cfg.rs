//! Writing `pyvenv.cfg`, the file that makes a directory a virtual environment.

use std::fmt::Write as _;

use anyhow::{Context, Result};

use crate::python::Interpreter;

use super::Options;

/// The text of `pyvenv.cfg` for an environment on `interp`.
///
/// `home` (the base executable's directory) is what the interpreter looks for;
/// `include-system-site-packages` is always written because a missing key
/// means true. `prompt` is written only when the user gave one, quoted as
/// Python's `repr` does, like `python -m venv --prompt`.
pub fn render(interp: &Interpreter, opts: &Options) -> Result<String> {
    let home = interp.executable.parent().with_context(|| {
        format!(
            "the interpreter path {} has no parent directory to use as the venv's home",
            interp.executable.display()
        )
    })?;
    let mut text = String::new();
    let mut key = |k: &str, v: &str| {
        // Writing to a String cannot fail.
        let _ = writeln!(text, "{k} = {v}");
    };
    key("home", &home.display().to_string());
    key("implementation", &interp.implementation);
    key("version", &interp.version_string);
    key(
        "include-system-site-packages",
        if opts.system_site_packages {
            "true"
        } else {
            "false"
        },
    );
    key("executable", &interp.executable.display().to_string());
    if let Some(prompt) = &opts.prompt {
        key("prompt", &python_repr(prompt));
    }
    key("envreg", env!("CARGO_PKG_VERSION"));
    Ok(text)
}

/// A string literal as Python's `repr(str)` writes it: single quotes unless
/// the text has a single quote and no double quote; backslashes, the chosen
/// quote and non-printable characters escaped.
fn python_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn interp() -> Interpreter {
        Interpreter {
            executable: PathBuf::from("/opt/py/3.12/bin/python3.12"),
            base_prefix: PathBuf::from("/opt/py/3.12"),
            version: (3, 12, 1),
            version_string: "3.12.1".into(),
            implementation: "CPython".into(),
            platform: "linux".into(),
            stdlib: PathBuf::from("/opt/py/3.12/lib/python3.12"),
            wheel_pkg_dir: None,
            purelib: "lib/python3.12/site-packages".into(),
            platlib: "lib/python3.12/site-packages".into(),
            scripts: "bin".into(),
            gil_disabled: false,
            pointer_size: 8,
        }
    }

    #[test]
    fn writes_every_key_in_order() {
        let opts = Options {
            name: "web".into(),
            ..Options::default()
        };
        let text = render(&interp(), &opts).unwrap();
        let expected = format!(
            "home = /opt/py/3.12/bin\n\
             implementation = CPython\n\
             version = 3.12.1\n\
             include-system-site-packages = false\n\
             executable = /opt/py/3.12/bin/python3.12\n\
             envreg = {}\n",
            env!("CARGO_PKG_VERSION")
        );
        assert_eq!(text, expected);
    }

    #[test]
    fn system_site_packages_and_prompt() {
        let opts = Options {
            name: "web".into(),
            prompt: Some("my web".into()),
            system_site_packages: true,
            pip: false,
        };
        let text = render(&interp(), &opts).unwrap();
        assert!(text.contains("include-system-site-packages = true\n"));
        assert!(text.contains("prompt = 'my web'\n"));
        assert!(!text.contains("prompt = 'web'"), "the name is not a prompt");
    }

    #[test]
    fn prompt_is_quoted_like_python_repr() {
        assert_eq!(python_repr("plain"), "'plain'");
        assert_eq!(python_repr("it's"), "\"it's\"");
        assert_eq!(python_repr("both ' and \""), "'both \\' and \"'");
        assert_eq!(python_repr("back\\slash"), "'back\\\\slash'");
        assert_eq!(python_repr("tab\tnl\nbell\u{7}"), "'tab\\tnl\\nbell\\x07'");
        assert_eq!(python_repr("café ✓"), "'café ✓'");
    }

    /// The real judge of `repr`: Python itself, when pyenv's 3.12 is here.
    #[test]
    fn python_agrees_with_our_repr() {
        let Some(python) = crate::venv::testing::pyenv_python("3.12") else {
            return;
        };
        for s in [
            "plain",
            "it's",
            "both ' and \"",
            "back\\slash",
            "tab\tx\u{1}",
            "café",
        ] {
            let out = std::process::Command::new(&python)
                .args([
                    "-I",
                    "-c",
                    "import sys; print(repr(sys.argv[1]), end='')",
                    s,
                ])
                .output()
                .unwrap();
            assert_eq!(
                String::from_utf8(out.stdout).unwrap(),
                python_repr(s),
                "{s:?}"
            );
        }
    }
}
