//! Activation scripts, rendered from the templates under `shell/activate/`.
//!
//! Templates mark the places where a value goes with `__ENVREG_<NAME>__`; each
//! value is inserted as one complete, quoted word of the template's language,
//! so paths and prompts with spaces, quotes, `$`, backticks or `!` stay literal.

use anyhow::{Result, bail};

const SH: &str = include_str!("../../shell/activate/activate.sh");
const FISH: &str = include_str!("../../shell/activate/activate.fish");
const CSH: &str = include_str!("../../shell/activate/activate.csh");
const NU: &str = include_str!("../../shell/activate/activate.nu");
const PS1: &str = include_str!("../../shell/activate/Activate.ps1");
const BAT: &str = include_str!("../../shell/activate/activate.bat");
const DEACTIVATE_BAT: &str = include_str!("../../shell/activate/deactivate.bat");

/// What the scripts need to know about the environment.
#[derive(Debug, Clone, Copy)]
pub struct Vars<'a> {
    /// The environment's final directory (never the staging one).
    pub venv_dir: &'a str,
    /// The scripts directory's name: `bin` or `Scripts`.
    pub bin_name: &'a str,
    /// The bare prompt, without parentheses: `--prompt` or the env's name.
    pub prompt: &'a str,
}

/// One rendered activation script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    /// File name inside the scripts directory.
    pub file_name: &'static str,
    /// The bytes to write (with BOM or CRLF line ends where the shell needs them).
    pub contents: Vec<u8>,
}

/// The languages activation scripts are written in; each has its own quoting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Posix,
    Fish,
    Csh,
    Nu,
    PowerShell,
    Batch,
}

/// Render every activation script for an environment. `windows` adds the
/// cmd.exe scripts; csh, which has no Windows port worth the name, is left out
/// there as CPython does.
pub fn render_all(vars: &Vars<'_>, windows: bool) -> Result<Vec<Script>> {
    check_value("environment path", vars.venv_dir)?;
    check_value("scripts directory name", vars.bin_name)?;
    check_value("prompt", vars.prompt)?;
    let mut scripts = vec![
        script("activate", Lang::Posix, SH, vars)?,
        script("activate.fish", Lang::Fish, FISH, vars)?,
        script("activate.nu", Lang::Nu, NU, vars)?,
        script("Activate.ps1", Lang::PowerShell, PS1, vars)?,
    ];
    if windows {
        scripts.push(script("activate.bat", Lang::Batch, BAT, vars)?);
        scripts.push(script("deactivate.bat", Lang::Batch, DEACTIVATE_BAT, vars)?);
    } else {
        scripts.push(script("activate.csh", Lang::Csh, CSH, vars)?);
    }
    Ok(scripts)
}

/// No shell can keep a line break inside an inserted value on one line.
fn check_value(what: &str, value: &str) -> Result<()> {
    if let Some(c) = value.chars().find(|c| matches!(c, '\n' | '\r' | '\0')) {
        bail!(
            "the {what} {value:?} contains the control character {c:?}, which activation \
             scripts cannot hold; choose one without it"
        );
    }
    Ok(())
}

fn script(file_name: &'static str, lang: Lang, template: &str, vars: &Vars<'_>) -> Result<Script> {
    let text = substitute(template, |key| {
        Ok(match (key, lang) {
            ("VENV_DIR", _) => quote(lang, vars.venv_dir)?,
            ("BIN_NAME", _) => quote(lang, vars.bin_name)?,
            ("PROMPT", _) => quote(lang, vars.prompt)?,
            // The prompt as literal text inside a prompt string, where some
            // characters start escapes: `%` in zsh, `\` in bash, both in tcsh.
            ("PROMPT_ZSH", Lang::Posix) => quote(lang, &vars.prompt.replace('%', "%%"))?,
            ("PROMPT_BASH", Lang::Posix) => quote(lang, &vars.prompt.replace('\\', r"\\"))?,
            ("PROMPT_CSH", Lang::Csh) => {
                quote(lang, &vars.prompt.replace('\\', r"\\").replace('%', "%%"))?
            }
            // cmd.exe's PROMPT variable gives `$` a meaning: `$$` is a dollar.
            ("BAT_PROMPT", Lang::Batch) => quote(lang, &vars.prompt.replace('$', "$$"))?,
            _ => bail!("template {file_name} uses the unknown placeholder __ENVREG_{key}__"),
        })
    })?;
    let contents = match lang {
        // Windows PowerShell 5 reads a file without a BOM as the ANSI code page.
        Lang::PowerShell => {
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend_from_slice(text.as_bytes());
            bytes
        }
        // cmd.exe misreads labels and blocks in LF-only batch files.
        Lang::Batch => text
            .replace("\r\n", "\n")
            .replace('\n', "\r\n")
            .into_bytes(),
        _ => text.into_bytes(),
    };
    Ok(Script {
        file_name,
        contents,
    })
}

/// Replace every `__ENVREG_<KEY>__` in one pass, so an inserted value that
/// happens to contain a placeholder's spelling is never substituted again.
fn substitute(template: &str, mut value: impl FnMut(&str) -> Result<String>) -> Result<String> {
    const OPEN: &str = "__ENVREG_";
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len()..];
        let Some(end) = after.find("__") else {
            bail!("unterminated placeholder in an activation template");
        };
        out.push_str(&value(&after[..end])?);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn quote(lang: Lang, value: &str) -> Result<String> {
    Ok(match lang {
        Lang::Posix => posix_quote(value),
        Lang::Fish => fish_quote(value),
        Lang::Csh => csh_quote(value),
        Lang::Nu => nu_quote(value),
        Lang::PowerShell => powershell_quote(value),
        Lang::Batch => batch_escape(value)?,
    })
}

pub use crate::quote::{
    batch_escape, csh_quote, fish_quote, nu_quote, posix_quote, powershell_quote,
};

#[cfg(test)]
mod tests {
    use super::*;

    const NASTY: &str = "/tmp/my env/it's $HOME `id` \"q\" !1 \\x";

    /// Run `sh -c 'printf %s <quoted>'` and compare: the quoting is judged by
    /// a real shell, not by our own reading of it.
    fn roundtrip(shell: &str, args: &[&str], script: &str) -> Option<String> {
        let out = std::process::Command::new(shell)
            .args(args)
            .arg(script)
            .output()
            .ok()?;
        assert!(out.status.success(), "{shell} failed on {script}: {out:?}");
        Some(String::from_utf8(out.stdout).unwrap())
    }

    #[test]
    fn posix_quote_examples() {
        assert_eq!(posix_quote("a b"), "'a b'");
        assert_eq!(posix_quote("it's"), r"'it'\''s'");
        assert_eq!(posix_quote(""), "''");
        assert_eq!(posix_quote("$x `y` !z"), "'$x `y` !z'");
    }

    #[test]
    fn posix_quote_survives_real_sh() {
        for value in [NASTY, "", "'", "''", "a'b'c", "tab\there"] {
            let got = roundtrip("sh", &["-c"], &format!("printf %s {}", posix_quote(value)));
            assert_eq!(got.as_deref(), Some(value), "sh is always present");
        }
    }

    #[test]
    fn fish_quote_examples() {
        assert_eq!(fish_quote("a b"), "'a b'");
        assert_eq!(fish_quote("it's"), r"'it\'s'");
        assert_eq!(fish_quote(r"back\slash"), r"'back\\slash'");
        assert_eq!(fish_quote("$x `y` !z"), "'$x `y` !z'");
    }

    #[test]
    fn csh_quote_examples() {
        assert_eq!(csh_quote("a b"), "'a b'");
        assert_eq!(csh_quote("it's"), r"'it'\''s'");
        assert_eq!(csh_quote("wow!"), r"'wow\!'");
        assert_eq!(csh_quote("$x `y`"), "'$x `y`'");
    }

    #[test]
    fn nu_quote_examples() {
        assert_eq!(nu_quote("a b"), "r#'a b'#");
        assert_eq!(nu_quote("it's"), "r#'it's'#");
        assert_eq!(nu_quote("x'#y"), "r##'x'#y'##");
        assert_eq!(nu_quote("x'#y'##z"), "r###'x'#y'##z'###");
        assert_eq!(nu_quote("$x `y` !z \\"), "r#'$x `y` !z \\'#");
    }

    #[test]
    fn powershell_quote_examples() {
        assert_eq!(powershell_quote("a b"), "'a b'");
        assert_eq!(powershell_quote("it's"), "'it''s'");
        assert_eq!(powershell_quote("it\u{2019}s"), "'it\u{2019}\u{2019}s'");
        assert_eq!(powershell_quote("$x `y` !z"), "'$x `y` !z'");
    }

    #[test]
    fn batch_escape_examples() {
        assert_eq!(batch_escape(r"C:\a b\100%").unwrap(), r"C:\a b\100%%");
        assert_eq!(batch_escape("a&b^c)").unwrap(), "a&b^c)");
        let err = batch_escape("say \"hi\"").unwrap_err().to_string();
        assert!(err.contains("double quote"), "{err}");
    }

    fn vars<'a>(dir: &'a str, prompt: &'a str) -> Vars<'a> {
        Vars {
            venv_dir: dir,
            bin_name: "bin",
            prompt,
        }
    }

    fn text(scripts: &[Script], name: &str) -> String {
        let s = scripts.iter().find(|s| s.file_name == name).unwrap();
        String::from_utf8(s.contents.clone()).unwrap()
    }

    #[test]
    fn posix_set_has_no_batch_files_and_every_placeholder_is_filled() {
        let scripts = render_all(&vars(NASTY, "p"), false).unwrap();
        let names: Vec<_> = scripts.iter().map(|s| s.file_name).collect();
        assert_eq!(
            names,
            [
                "activate",
                "activate.fish",
                "activate.nu",
                "Activate.ps1",
                "activate.csh"
            ]
        );
        for s in &scripts {
            let t = String::from_utf8_lossy(&s.contents);
            assert!(
                !t.contains("__ENVREG_"),
                "{} left a placeholder",
                s.file_name
            );
            assert!(!t.contains('\r'), "{} has CR", s.file_name);
        }
    }

    #[test]
    fn values_are_inserted_quoted_for_each_shell() {
        let scripts = render_all(&vars(NASTY, "it's $me"), false).unwrap();
        let sh = text(&scripts, "activate");
        assert!(sh.contains(&format!("VIRTUAL_ENV={}\n", posix_quote(NASTY))));
        assert!(sh.contains("VIRTUAL_ENV_PROMPT='it'\\''s $me'\n"));
        let fish = text(&scripts, "activate.fish");
        assert!(fish.contains(&format!("set -gx VIRTUAL_ENV {}\n", fish_quote(NASTY))));
        let csh = text(&scripts, "activate.csh");
        assert!(csh.contains(&format!("setenv VIRTUAL_ENV {}\n", csh_quote(NASTY))));
        // nushell and PowerShell are not installed here: their scripts are
        // checked as rendered text only.
        let nu = text(&scripts, "activate.nu");
        assert!(nu.contains(&format!("let venv_dir = {}\n", nu_quote(NASTY))));
        assert!(nu.contains("let venv_prompt = r#'it's $me'#\n"));
        assert!(nu.contains("let bin_dir = ([$venv_dir r#'bin'#] | path join)"));
        let ps1 = text(&scripts, "Activate.ps1");
        assert!(ps1.starts_with('\u{feff}'), "PowerShell script needs a BOM");
        assert!(ps1.contains(&format!("$env:VIRTUAL_ENV = {}\n", powershell_quote(NASTY))));
        assert!(ps1.contains("$env:VIRTUAL_ENV_PROMPT = 'it''s $me'\n"));
    }

    #[test]
    fn prompt_text_is_escaped_for_each_prompt_language() {
        let scripts = render_all(&vars("/e", r"50% \w $(x)"), false).unwrap();
        let sh = text(&scripts, "activate");
        // zsh without PROMPT_SUBST, bash without promptvars: the text.
        assert!(sh.contains(r#"PS1="("'50%% \w $(x)'") ${PS1-}""#), "{sh}");
        assert!(sh.contains(r#"PS1="("'50% \\w $(x)'") ${PS1-}""#), "{sh}");
        // Everywhere else PS1 only refers to the variable.
        assert!(
            sh.contains(r#"PS1='(${VIRTUAL_ENV_PROMPT-}) '"${PS1-}""#),
            "{sh}"
        );
        let csh = text(&scripts, "activate.csh");
        assert!(
            csh.contains(r#"set prompt = "("'50%% \\w $(x)'") $prompt:q""#),
            "{csh}"
        );
    }

    #[test]
    fn windows_set_has_crlf_batch_files() {
        let dir = r"C:\Users\a b\envs\web 100%";
        let v = Vars {
            venv_dir: dir,
            bin_name: "Scripts",
            prompt: "web$",
        };
        let scripts = render_all(&v, true).unwrap();
        let names: Vec<_> = scripts.iter().map(|s| s.file_name).collect();
        assert_eq!(
            names,
            [
                "activate",
                "activate.fish",
                "activate.nu",
                "Activate.ps1",
                "activate.bat",
                "deactivate.bat"
            ]
        );
        for name in ["activate.bat", "deactivate.bat"] {
            let bat = text(&scripts, name);
            assert!(bat.starts_with("@echo off\r\n"), "{name}");
            assert!(
                !bat.replace("\r\n", "").contains('\n'),
                "{name} has a bare LF"
            );
        }
        let bat = text(&scripts, "activate.bat");
        assert!(bat.contains(r#"set "VIRTUAL_ENV=C:\Users\a b\envs\web 100%%""#));
        assert!(bat.contains(r#"set "PATH=%VIRTUAL_ENV%\Scripts;%PATH%""#));
        assert!(bat.contains(r#"set "VIRTUAL_ENV_PROMPT=web$""#));
        assert!(bat.contains(r#"set "PROMPT=(web$$) %PROMPT%""#));
        assert!(bat.contains("chcp.com\" 65001"));
        let sh = text(&scripts, "activate");
        assert!(sh.contains("PATH=\"${VIRTUAL_ENV}/\"'Scripts'\"${PATH:+:${PATH}}\""));
    }

    #[test]
    fn a_value_spelling_a_placeholder_is_not_substituted_again() {
        let scripts = render_all(&vars("/e/__ENVREG_PROMPT__", "P"), false).unwrap();
        assert!(text(&scripts, "activate").contains("VIRTUAL_ENV='/e/__ENVREG_PROMPT__'\n"));
    }

    #[test]
    fn line_breaks_and_double_quotes_on_windows_are_refused() {
        let err = render_all(&vars("/a\nb", "p"), false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("environment path"), "{err}");
        let err = render_all(&vars("/a", "x\"y"), true)
            .unwrap_err()
            .to_string();
        assert!(err.contains("double quote"), "{err}");
    }
}
