//! Usage errors (clap's) in envreg's shape: `envreg: <what is wrong>`, the
//! fixes on `hint:` lines, then the usage. Exit status 2.
//!
//! The names other tools use (virtualenvwrapper's `mkvirtualenv`, pew's
//! `new`, the shell functions `workon` and `deactivate`) get a message that
//! says what to type instead.

use std::process::ExitCode;

use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::cli::{Cli, Shell};

/// Print `err` (help, version or a usage error) and return the exit status.
pub fn report(err: &clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            crate::say!(
                "envreg: no command given\nhint: choose one of the commands below; \
                 'envreg help COMMAND' explains one\n\n{}",
                err.render().to_string().trim_end()
            );
        }
        ErrorKind::InvalidSubcommand => {
            let word = match err.get(ContextKind::InvalidSubcommand) {
                Some(ContextValue::String(word)) => word.as_str(),
                _ => "",
            };
            let args: Vec<String> = std::env::args().collect();
            match foreign(word, &args) {
                Some(text) => crate::say!("{text}"),
                None => crate::say!("{}", reshape(&err.render().to_string(), &args)),
            }
        }
        _ => {
            let args: Vec<String> = std::env::args().collect();
            crate::say!("{}", reshape(&err.render().to_string(), &args));
        }
    }
    ExitCode::from(2)
}

/// clap's rendering (`error: …`, `  tip: …`, `Usage: …`, `For more
/// information, try '--help'.`) in envreg's shape.
/// `args` is the command line, to name the subcommand whose help to see.
pub fn reshape(rendered: &str, args: &[String]) -> String {
    let mut message: Vec<&str> = Vec::new();
    let mut hints: Vec<String> = Vec::new();
    let mut usage: Vec<&str> = Vec::new();
    let mut more_help = false;
    for block in rendered.trim_end().split("\n\n") {
        let lines: Vec<&str> = block.lines().collect();
        let Some(first) = lines.first() else { continue };
        if let Some(rest) = first.strip_prefix("error: ") {
            message.push(rest);
            message.extend(&lines[1..]);
        } else if first.trim_start().starts_with("tip:") {
            for line in &lines {
                let tip = line.trim_start();
                let tip = tip.strip_prefix("tip:").unwrap_or(tip).trim_start();
                hints.push(tip.to_string());
            }
        } else if first.starts_with("Usage:") {
            usage.extend(&lines);
        } else if first.starts_with("For more information") {
            more_help = true;
        } else {
            message.extend(&lines);
        }
    }
    if more_help {
        hints.push(format!("see '{} --help'", command_path(args)));
    }
    let mut text = String::from("envreg: ");
    text.push_str(&message.join("\n"));
    for hint in hints {
        text.push_str("\nhint: ");
        text.push_str(&hint);
    }
    if !usage.is_empty() {
        text.push_str("\n\n");
        text.push_str(&usage.join("\n"));
    }
    text
}

/// "envreg ls": the subcommand that was given (the first word on the
/// command line that names one), for the pointer to its `--help`.
fn command_path(args: &[String]) -> String {
    let cli = Cli::command();
    args.iter()
        .skip(1)
        .find(|a| !a.starts_with('-') && cli.find_subcommand(a.as_str()).is_some())
        .map_or_else(|| "envreg".to_string(), |sub| format!("envreg {sub}"))
}

/// What other tools call the things envreg does, and envreg's spelling:
/// (their name, whose command it is, envreg's command, its option if any).
const FOREIGN: &[(&str, &str, &str, Option<&str>)] = &[
    ("mkvirtualenv", "virtualenvwrapper's", "mkenv", None),
    ("new", "pew's and virtualfish's", "mkenv", None),
    ("create", "conda's", "mkenv", None),
    (
        "mktmpenv",
        "virtualenvwrapper's and pew's",
        "mkenv",
        Some("--temp"),
    ),
    ("rmvirtualenv", "virtualenvwrapper's", "rm", None),
    ("remove", "conda's", "rm", None),
    ("delete", "", "rm", None),
    ("lsvirtualenv", "virtualenvwrapper's", "ls", None),
    ("list", "conda's", "ls", None),
    ("showvirtualenv", "virtualenvwrapper's", "show", None),
    ("dir", "pew's", "path", None),
    ("cdvirtualenv", "virtualenvwrapper's", "path", None),
    ("cpvirtualenv", "virtualenvwrapper's", "cp", None),
    ("copy", "", "cp", None),
    ("rename", "pew's", "mv", None),
    ("allvirtualenv", "virtualenvwrapper's", "all", None),
    ("inall", "pew's", "all", None),
    ("in", "pew's", "run", None),
    ("exec", "", "run", None),
    ("wipeenv", "virtualenvwrapper's and pew's", "wipe", None),
    (
        "setvirtualenvproject",
        "virtualenvwrapper's",
        "set",
        Some("--project"),
    ),
    ("setproject", "pew's", "set", Some("--project")),
    (
        "toggleglobalsitepackages",
        "virtualenvwrapper's and pew's",
        "set",
        Some("--system-site-packages"),
    ),
    (
        "add2virtualenv",
        "virtualenvwrapper's",
        "set",
        Some("--add-path"),
    ),
    ("add", "pew's", "set", Some("--add-path")),
];

/// The message for `word`, a command another tool has (or one of the shell
/// functions), or None when envreg knows nothing about it. `args` is the
/// whole command line, to repeat the name given after `workon`.
pub fn foreign(word: &str, args: &[String]) -> Option<String> {
    let after = args
        .iter()
        .skip_while(|a| a.as_str() != word)
        .nth(1)
        .filter(|a| !a.starts_with('-'));
    match word {
        "workon" => {
            let shell = std::env::var("SHELL")
                .ok()
                .and_then(|s| crate::shell::from_program_name(&s))
                .unwrap_or(Shell::Bash);
            let (file, line) = crate::shell::rc_line(shell);
            let call = match after {
                Some(name) => format!("workon {}", shell_word(name)),
                None => "workon".to_string(),
            };
            return Some(format!(
                "envreg: 'workon' is a shell function, not an envreg command\n\
                 hint: run `{call}` without 'envreg' in front\n\
                 hint: if your shell does not know workon, add `{line}` to {file} \
                 and start a new shell (see 'envreg init --help', 'man workon')"
            ));
        }
        "deactivate" => {
            return Some(
                "envreg: 'deactivate' is a shell function, not an envreg command\n\
                 hint: run `deactivate` without 'envreg' in front, in the shell where \
                 the environment is active (`workon NAME` defines it)"
                    .to_string(),
            );
        }
        _ => {}
    }
    let &(_, whose, command, option) = FOREIGN.iter().find(|(name, ..)| *name == word)?;
    let whose = if whose.is_empty() {
        String::new()
    } else {
        format!(" (it is {whose})")
    };
    let Some(usage) = spelled(command, option) else {
        return Some(format!(
            "envreg: '{word}' is not an envreg command{whose}, and envreg has no \
             equivalent yet\nhint: 'envreg --help' lists the commands"
        ));
    };
    Some(format!(
        "envreg: '{word}' is not an envreg command{whose}\n\
         hint: did you mean `{usage}`? (see 'envreg {command} --help')"
    ))
}

/// `envreg COMMAND [OPTION]` when this envreg has that command and option.
fn spelled(command: &str, option: Option<&str>) -> Option<String> {
    let cli = Cli::command();
    let sub = cli.find_subcommand(command)?;
    match option {
        None => Some(format!("envreg {command}")),
        Some(option) => {
            let long = option.trim_start_matches("--");
            sub.get_arguments()
                .any(|arg| arg.get_long() == Some(long))
                .then(|| format!("envreg {command} {option}"))
        }
    }
}

/// `text` as one word for a POSIX shell: as it is when that is safe, else
/// in single quotes.
fn shell_word(text: &str) -> String {
    let safe = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._+-/=@%:,".contains(c));
    if safe {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn reshapes_an_unknown_option() {
        let rendered = "error: unexpected argument '--bogus' found\n\n  \
                        tip: a similar argument exists: '--long'\n\n\
                        Usage: envreg ls [OPTIONS]\n\n\
                        For more information, try '--help'.\n";
        assert_eq!(
            reshape(rendered, &words("envreg ls --bogus")),
            "envreg: unexpected argument '--bogus' found\n\
             hint: a similar argument exists: '--long'\n\
             hint: see 'envreg ls --help'\n\n\
             Usage: envreg ls [OPTIONS]"
        );
    }

    #[test]
    fn keeps_a_message_of_several_lines() {
        let rendered = "error: the following required arguments were not provided:\n  \
                        <NAMES>...\n\nUsage: envreg rm <NAMES>...\n\n\
                        For more information, try '--help'.\n";
        assert_eq!(
            reshape(rendered, &words("envreg -q rm")),
            "envreg: the following required arguments were not provided:\n  <NAMES>...\n\
             hint: see 'envreg rm --help'\n\nUsage: envreg rm <NAMES>..."
        );
    }

    #[test]
    fn every_foreign_name_is_not_an_envreg_command() {
        let cli = Cli::command();
        for (name, _, command, _) in FOREIGN {
            assert!(cli.find_subcommand(name).is_none(), "{name} is a command");
            assert_ne!(name, command);
            assert!(foreign(name, &[]).unwrap().starts_with("envreg: "));
        }
        assert!(foreign("frobnicate", &[]).is_none());
    }

    #[test]
    fn quotes_the_name_for_the_shell() {
        assert_eq!(shell_word("proj-1.2"), "proj-1.2");
        assert_eq!(shell_word("a b"), "'a b'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
    }
}
