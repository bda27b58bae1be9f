//! The shell hooks printed by `envreg init SHELL`, embedded from `shell/`.
//!
//! Each hook is a plain file that can also be sourced directly; the binary
//! embeds it unchanged so the file in the repository and what `init` prints
//! never drift apart.

use clap::ValueEnum;

use crate::cli::Shell;
use crate::quote::{csh_quote, fish_quote, nu_quote, posix_quote, powershell_quote};

/// The variable every hook exports when it is loaded, set to the shell's
/// name as `envreg init` spells it (`ENVREG_SHELL=bash`): `workon` is set up
/// in that shell, so `mkenv` need not say how to get it.
pub const MARKER: &str = "ENVREG_SHELL";

/// What `envreg init SHELL` prints: the hook that defines `workon` (and its
/// completion), then the completion for `envreg` itself, generated from the
/// command-line definition (see `crate::completion`).
///
/// tcsh's `eval "`...`"` joins all lines into one, so its comment lines
/// (which would swallow everything after them) and blank lines are dropped.
pub fn hook(shell: Shell) -> String {
    let text = format!(
        "{}{}\n{}",
        file(shell),
        extras(shell),
        crate::completion::script(shell)
    );
    if shell == Shell::Tcsh {
        text.lines()
            .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .map(|line| format!("{line}\n"))
            .collect()
    } else {
        text
    }
}

/// The extras printed after the hook for `shell` (`shell/extras/`):
/// virtualenvwrapper's mktmpenv, cdvirtualenv, cdsitepackages and
/// lssitepackages, built on the hook's `workon`.
pub fn extras(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => include_str!("../shell/extras/envreg-extras.bash"),
        Shell::Zsh => include_str!("../shell/extras/envreg-extras.zsh"),
        Shell::Fish => include_str!("../shell/extras/envreg-extras.fish"),
        Shell::Tcsh => include_str!("../shell/extras/envreg-extras.tcsh"),
        Shell::Xonsh => include_str!("../shell/extras/envreg-extras.xonsh"),
        Shell::Nu => include_str!("../shell/extras/envreg-extras.nu"),
        Shell::Powershell => include_str!("../shell/extras/envreg-extras.ps1"),
    }
}

/// What `envreg init SHELL --vew` prints after the hook: virtualenvwrapper's
/// commands and hook files (`shell/vew/`), for the shells that have them.
pub fn vew(shell: Shell) -> Option<&'static str> {
    match shell {
        Shell::Bash => Some(include_str!("../shell/vew/envreg-vew.bash")),
        Shell::Zsh => Some(include_str!("../shell/vew/envreg-vew.zsh")),
        Shell::Fish => Some(include_str!("../shell/vew/envreg-vew.fish")),
        _ => None,
    }
}

/// The auto-activation hook `envreg init SHELL --auto` appends
/// (`shell/auto/`), for the shells that have one.
pub fn auto(shell: Shell) -> Option<&'static str> {
    match shell {
        Shell::Bash => Some(include_str!("../shell/auto/envreg-auto.bash")),
        Shell::Zsh => Some(include_str!("../shell/auto/envreg-auto.zsh")),
        Shell::Fish => Some(include_str!("../shell/auto/envreg-auto.fish")),
        Shell::Xonsh => Some(include_str!("../shell/auto/envreg-auto.xonsh")),
        Shell::Nu => Some(include_str!("../shell/auto/envreg-auto.nu")),
        Shell::Tcsh | Shell::Powershell => None,
    }
}

/// The hook file for `shell` as it is in `shell/`.
pub fn file(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => include_str!("../shell/envreg.bash"),
        Shell::Zsh => include_str!("../shell/envreg.zsh"),
        Shell::Fish => include_str!("../shell/envreg.fish"),
        Shell::Tcsh => include_str!("../shell/envreg.tcsh"),
        Shell::Xonsh => include_str!("../shell/envreg.xonsh"),
        Shell::Nu => include_str!("../shell/envreg.nu"),
        Shell::Powershell => include_str!("../shell/envreg.ps1"),
    }
}

/// The line a user adds to their rc file, and which file that is.
pub fn rc_line(shell: Shell) -> (&'static str, &'static str) {
    match shell {
        Shell::Bash => ("~/.bashrc", r#"eval "$(envreg init bash)""#),
        Shell::Zsh => ("~/.zshrc", r#"eval "$(envreg init zsh)""#),
        Shell::Fish => ("~/.config/fish/config.fish", "envreg init fish | source"),
        Shell::Tcsh => ("~/.tcshrc", "eval \"`envreg init tcsh`\""),
        Shell::Xonsh => (
            "~/.xonshrc",
            r#"execx(__import__("subprocess").check_output(["envreg", "init", "xonsh"], text=True))"#,
        ),
        Shell::Nu => (
            "your config.nu (after: envreg init nu | save -f ~/.envreg.nu)",
            "source ~/.envreg.nu",
        ),
        Shell::Powershell => (
            "$PROFILE",
            "Invoke-Expression (& envreg init powershell | Out-String)",
        ),
    }
}

/// The command that activates the environment in `dir` in `shell`, quoted
/// for that shell.
pub fn activate_command(shell: Shell, dir: &std::path::Path) -> String {
    let bin = dir.join("bin");
    let script = |file: &str| bin.join(file).display().to_string();
    match shell {
        Shell::Bash | Shell::Zsh => format!("source {}", posix_quote(&script("activate"))),
        Shell::Fish => format!("source {}", fish_quote(&script("activate.fish"))),
        Shell::Tcsh => format!("source {}", csh_quote(&script("activate.csh"))),
        Shell::Xonsh => format!("source-bash {}", posix_quote(&script("activate"))),
        Shell::Nu => format!("overlay use {}", nu_quote(&script("activate.nu"))),
        Shell::Powershell => format!("& {}", powershell_quote(&script("Activate.ps1"))),
    }
}

/// The shell's name as `envreg init` and `ENVREG_SHELL` spell it.
pub fn name(shell: Shell) -> String {
    shell
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

/// Every shell name, comma-separated, for messages.
pub fn names() -> String {
    Shell::value_variants()
        .iter()
        .map(|s| name(*s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The shell named `text` exactly as `envreg init` spells it.
pub fn parse(text: &str) -> Option<Shell> {
    Shell::from_str(text, false).ok()
}

/// Where [`detect`] found the shell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    ParentProcess,
    ShellVariable,
}

impl std::fmt::Display for Detected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Detected::ParentProcess => "the parent process",
            Detected::ShellVariable => "$SHELL",
        })
    }
}

/// The calling shell: the parent process's name (Linux /proc), else $SHELL.
pub fn detect() -> Option<(Shell, Detected)> {
    parent()
        .map(|shell| (shell, Detected::ParentProcess))
        .or_else(|| {
            std::env::var("SHELL")
                .ok()
                .and_then(|s| from_program_name(&s))
                .map(|shell| (shell, Detected::ShellVariable))
        })
}

/// The shell the parent process is, when it is one envreg knows.
pub fn parent() -> Option<Shell> {
    parent_name().and_then(|name| from_program_name(&name))
}

#[cfg(target_os = "linux")]
fn parent_name() -> Option<String> {
    let ppid = std::os::unix::process::parent_id();
    std::fs::read_to_string(format!("/proc/{ppid}/comm")).ok()
}

#[cfg(not(target_os = "linux"))]
fn parent_name() -> Option<String> {
    None
}

/// Whether `workon` is set up in the shell that ran envreg: a hook exported
/// `ENVREG_SHELL`, and it names that shell. The variable is inherited by
/// every child, so a different shell started from a hooked one (its parent
/// process is known and is not the shell named) does not count.
pub fn hook_loaded() -> bool {
    let Some(marked) = std::env::var(MARKER).ok().and_then(|v| parse(&v)) else {
        return false;
    };
    parent().is_none_or(|running| running == marked)
}

/// The value parser of `envreg init [SHELL]`: any text (init says which
/// shells exist when it is not one), with the shells as its possible values
/// for help and completion.
#[derive(Clone, Copy, Debug)]
pub struct ShellNameParser;

impl clap::builder::TypedValueParser for ShellNameParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            Shell::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

/// The shell a process name (argv[0] basename or /proc comm) stands for.
pub fn from_program_name(name: &str) -> Option<Shell> {
    let name = name.trim().trim_start_matches('-');
    let name = name.rsplit('/').next().unwrap_or(name);
    let name = name.strip_suffix(".exe").unwrap_or(name);
    Some(match name {
        "bash" | "sh" => Shell::Bash,
        "zsh" => Shell::Zsh,
        "fish" => Shell::Fish,
        "tcsh" | "csh" => Shell::Tcsh,
        "xonsh" => Shell::Xonsh,
        "nu" => Shell::Nu,
        "pwsh" | "powershell" => Shell::Powershell,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_has_a_hook_defining_workon() {
        for shell in Shell::value_variants() {
            let text = hook(*shell);
            assert!(text.contains("workon"), "{shell:?} hook lacks workon");
            assert!(
                !text.contains("/home/"),
                "{shell:?} hook has a machine path"
            );
        }
    }

    #[test]
    fn program_names_map_to_shells() {
        assert_eq!(from_program_name("-bash"), Some(Shell::Bash));
        assert_eq!(from_program_name("/usr/bin/zsh\n"), Some(Shell::Zsh));
        assert_eq!(from_program_name("pwsh.exe"), Some(Shell::Powershell));
        assert_eq!(from_program_name("python3"), None);
    }

    #[test]
    fn init_help_shows_every_rc_line() {
        use clap::CommandFactory;
        let cli = crate::cli::Cli::command();
        let init = cli.find_subcommand("init").unwrap();
        let help = init.get_long_about().unwrap().to_string();
        for shell in Shell::value_variants() {
            let (_, line) = rc_line(*shell);
            assert!(help.contains(line), "`envreg init --help` lacks {line}");
        }
    }

    #[test]
    fn activate_commands_quote_for_each_shell() {
        let dir = std::path::Path::new("/my envs/it's");
        assert_eq!(
            activate_command(Shell::Bash, dir),
            r"source '/my envs/it'\''s/bin/activate'"
        );
        assert_eq!(
            activate_command(Shell::Fish, dir),
            r"source '/my envs/it\'s/bin/activate.fish'"
        );
        assert_eq!(
            activate_command(Shell::Powershell, dir),
            "& '/my envs/it''s/bin/Activate.ps1'"
        );
    }
}
