//! Every command-line type. Doc comments are the help text; no logic lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A central registry of named Python virtual environments.
///
/// Environments live under ENVREG_HOME (default ~/.local/share/envreg). Add
/// `eval "$(envreg init bash)"` (or your shell's line) to your rc file to get
/// `workon NAME` in your shell.
#[derive(Debug, Parser)]
#[command(name = "envreg", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create and register a new environment.
    Mkenv(Mkenv),
    /// List the registered environments.
    Ls(Ls),
    /// Remove environments (asks first on a terminal).
    Rm(Rm),
    /// Show everything the registry knows about one environment.
    Show(Show),
    /// Print an environment's directory.
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
    #[command(verbatim_doc_comment)]
    Init(Init),
    /// Print the command that activates NAME in your shell (for use without the hook).
    Activate(Activate),
    /// Choose an environment with a fuzzy picker on the terminal; print its name.
    ///
    /// Used by bare `workon` on a terminal. Esc or Ctrl-D cancels with exit
    /// status 1, Ctrl-C with 130; nothing is printed on cancel.
    #[command(hide = true)]
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
    pub name: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PathCmd {
    pub name: String,
    /// What the shell hooks' `workon` calls: print the environment's
    /// directory, then the global hooks directory, one per line, and record
    /// the environment as used now.
    #[arg(long, hide = true)]
    pub workon: bool,
}

#[derive(Debug, Args)]
pub struct Init {
    /// The shell to print the hook for (default: the one running envreg,
    /// detected from the parent process, else $SHELL; said on stderr).
    #[arg(value_name = "SHELL", value_parser = crate::shell::ShellNameParser)]
    pub shell: Option<String>,
}

#[derive(Debug, Args)]
pub struct Activate {
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

    /// The man pages under man/ are generated from these types. Regenerate
    /// them with `ENVREG_UPDATE_MAN=1 cargo test man_pages`.
    #[test]
    fn man_pages_are_current() {
        let man = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
        let fresh = tempfile::tempdir().unwrap();
        clap_mangen::generate_to(Cli::command(), fresh.path()).unwrap();
        if std::env::var_os("ENVREG_UPDATE_MAN").is_some() {
            std::fs::create_dir_all(&man).unwrap();
            for page in std::fs::read_dir(&man).unwrap().flatten() {
                std::fs::remove_file(page.path()).unwrap();
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
