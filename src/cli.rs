//! Every command-line type. Doc comments are the help text; no logic lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A central registry of named Python virtual environments.
///
/// Environments live under ENVREG_HOME (default ~/.local/share/envreg). Add
/// `eval "$(envreg init bash)"` (or your shell's line) to your rc file to get
/// `workon NAME` in your shell (see 'envreg init --help', 'man workon').
#[derive(Debug, Parser)]
#[command(
    name = "envreg",
    version,
    propagate_version = true,
    help_template = "{name} {version}\n{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}",
    after_help = "Examples:\n  envreg mkenv api -p 3.12 && workon api"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create and register a new environment.
    #[command(
        after_help = "Examples:\n  envreg mkenv api -p 3.12 -r requirements.txt --project ~/src/api"
    )]
    Mkenv(Mkenv),
    /// List the registered environments.
    #[command(
        after_help = "Examples:\n  envreg ls --json | jq -r '.[] | select(.status != \"ok\") | .name'"
    )]
    Ls(Ls),
    /// Remove environments (asks first on a terminal).
    #[command(after_help = "Examples:\n  envreg rm -y scratch old-api")]
    Rm(Rm),
    /// Show everything the registry knows about one environment.
    #[command(after_help = "Examples:\n  envreg show api --json | jq .python")]
    Show(Show),
    /// Print an environment's directory.
    #[command(after_help = "Examples:\n  \"$(envreg path api)/bin/python\" -m pytest")]
    Path(PathCmd),
    /// Print the shell hook that defines `workon` for SHELL.
    ///
    /// Add the line for your shell to its start-up file:
    ///
    ///   bash  (~/.bashrc):   eval "$(envreg init bash)"
    ///   zsh   (~/.zshrc):    eval "$(envreg init zsh)"
    ///   fish  (config.fish): envreg init fish | source
    ///   tcsh  (~/.tcshrc):   eval "`envreg init tcsh`"
    ///   xonsh (~/.xonshrc):  execx(__import__("subprocess").check_output(["envreg", "init", "xonsh"], text=True))
    ///   nu    (config.nu):   source ~/.envreg.nu   (after: envreg init nu | save -f ~/.envreg.nu)
    ///   PowerShell ($PROFILE): Invoke-Expression (& envreg init powershell | Out-String)
    ///
    /// Then `workon NAME` activates NAME and `deactivate` leaves it ('man workon').
    #[command(
        verbatim_doc_comment,
        about = "Print the shell hook that defines `workon` for SHELL",
        after_help = "Examples:\n  echo 'eval \"$(envreg init bash)\"' >> ~/.bashrc"
    )]
    Init(Init),
    /// Print the command that activates NAME in your shell (for use without the hook).
    #[command(after_help = "Examples:\n  envreg activate api --shell fish")]
    Activate(Activate),
    /// Choose an environment with a fuzzy picker on the terminal; print its name.
    ///
    /// Used by bare `workon` on a terminal. Esc cancels: exit 1, nothing
    /// printed; Ctrl-C: exit 130.
    #[command(
        hide = true,
        after_help = "Examples:\n  name=$(envreg pick) && workon \"$name\""
    )]
    Pick,
}

#[derive(Debug, Args)]
pub struct Mkenv {
    /// Name of the new environment ([A-Za-z0-9][A-Za-z0-9._+-]*, at most 64 characters).
    pub name: String,
    /// Interpreter: a path, a command name (python3.12, pypy3) or a version (3, 3.12, 3.12.1).
    #[arg(short, long, value_name = "SPEC", env = "ENVREG_PYTHON")]
    pub python: Option<String>,
    /// Do not install pip (and, for Python < 3.12, setuptools) into the environment.
    #[arg(long)]
    pub no_pip: bool,
    /// Give the environment access to the base interpreter's site-packages.
    #[arg(long)]
    pub system_site_packages: bool,
    /// Install PKG with the new environment's pip (repeatable).
    #[arg(short = 'i', long = "install", value_name = "PKG")]
    pub install: Vec<String>,
    /// Install the requirements in FILE with the new environment's pip.
    #[arg(short = 'r', long = "requirement", value_name = "FILE")]
    pub requirements: Vec<PathBuf>,
    /// Project directory to associate with the environment.
    #[arg(long, value_name = "DIR")]
    pub project: Option<PathBuf>,
    /// Prompt prefix shown while the environment is active (default: the name).
    #[arg(long, value_name = "TEXT")]
    pub prompt: Option<String>,
}

#[derive(Debug, Args)]
pub struct Ls {
    /// Print a JSON array instead of a table.
    #[arg(long, conflicts_with = "names")]
    pub json: bool,
    /// Print only the names, one per line.
    #[arg(long)]
    pub names: bool,
    /// Add the path and interpreter columns to the table.
    #[arg(short, long)]
    pub long: bool,
}

#[derive(Debug, Args)]
pub struct Rm {
    /// Names of the environments to remove.
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub yes: bool,
    /// Remove the environment even if it is the active one ($VIRTUAL_ENV).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct Show {
    /// Name of the environment (see 'envreg ls').
    pub name: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PathCmd {
    /// Name of the environment (see 'envreg ls').
    pub name: String,
    /// What the shell hooks' `workon` calls: print the environment's
    /// directory, then the global hooks directory, one per line, and record
    /// the environment as used now.
    #[arg(long, hide = true)]
    pub workon: bool,
}

#[derive(Debug, Args)]
pub struct Init {
    /// The shell to print the hook for.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct Activate {
    /// Name of the environment (see 'envreg ls').
    pub name: String,
    /// The shell to print the command for (default: detected).
    #[arg(long, value_enum)]
    pub shell: Option<Shell>,
}

/// The shells envreg writes hooks and activation scripts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Tcsh,
    Xonsh,
    Nu,
    Powershell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Every command shows an example, and every argument says what it is.
    #[test]
    fn every_command_has_an_example_and_every_argument_a_help() {
        fn walk(cmd: &mut clap::Command, path: &str) {
            let path = format!("{path} {}", cmd.get_name()).trim().to_string();
            let help = cmd.render_long_help().to_string();
            assert!(help.contains("\nExamples:\n  "), "{path} --help: {help}");
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                let text = arg
                    .get_help()
                    .or(arg.get_long_help())
                    .map(|h| h.to_string())
                    .unwrap_or_default();
                assert!(!text.trim().is_empty(), "{path}: argument {id} has no help");
            }
            for sub in cmd.get_subcommands_mut() {
                walk(sub, &path);
            }
        }
        let mut cli = Cli::command();
        cli.build();
        let top = cli.render_long_help().to_string();
        assert!(
            top.starts_with(&format!("envreg {}\n", env!("CARGO_PKG_VERSION"))),
            "{top}"
        );
        for sub in cli.get_subcommands_mut().filter(|s| s.get_name() != "help") {
            walk(sub, "envreg");
        }
    }

    /// Pages under man/ written by hand: the shell functions, which are no
    /// clap commands. Everything else there is generated.
    const HAND_WRITTEN: [&str; 2] = ["deactivate.1", "workon.1"];

    /// The man pages under man/ are generated from these types. Regenerate
    /// them with `ENVREG_UPDATE_MAN=1 cargo test man_pages`.
    #[test]
    fn man_pages_are_current() {
        let man = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
        let fresh = tempfile::tempdir().unwrap();
        clap_mangen::generate_to(Cli::command(), fresh.path()).unwrap();
        let hand_written = |name: &std::ffi::OsStr| HAND_WRITTEN.iter().any(|h| *h == name);
        for page in HAND_WRITTEN {
            assert!(man.join(page).is_file(), "man/{page} is missing");
        }
        if std::env::var_os("ENVREG_UPDATE_MAN").is_some() {
            std::fs::create_dir_all(&man).unwrap();
            for page in std::fs::read_dir(&man).unwrap().flatten() {
                if !hand_written(&page.file_name()) {
                    std::fs::remove_file(page.path()).unwrap();
                }
            }
            for page in std::fs::read_dir(fresh.path()).unwrap().flatten() {
                std::fs::copy(page.path(), man.join(page.file_name())).unwrap();
            }
        }
        let list = |dir: &std::path::Path| {
            let mut names: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .flatten()
                .map(|e| e.file_name())
                .filter(|name| !hand_written(name))
                .collect();
            names.sort();
            names
        };
        assert_eq!(
            list(&man),
            list(fresh.path()),
            "regenerate with ENVREG_UPDATE_MAN=1"
        );
        for name in list(fresh.path()) {
            assert_eq!(
                std::fs::read_to_string(man.join(&name)).unwrap(),
                std::fs::read_to_string(fresh.path().join(&name)).unwrap(),
                "man/{} is out of date; regenerate with ENVREG_UPDATE_MAN=1 cargo test man_pages",
                name.to_string_lossy()
            );
        }
    }
}
