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
    /// Print an environment's directory (or its scripts directory, site-packages, python).
    #[command(
        after_help = "Examples:\n  \"$(envreg path api)/bin/python\" -m pytest\n  cd \"$(envreg path web --site-packages)\""
    )]
    Path(PathCmd),
    /// Run a command with an environment active, without changing the shell.
    ///
    /// Sets VIRTUAL_ENV, puts the environment's scripts directory first on
    /// PATH, unsets PYTHONHOME and exports the variables of 'envreg set
    /// --var'. On Unix envreg replaces itself with the command (exec), so the
    /// exit status, and a death by a signal, are the command's own. A command
    /// that cannot be found exits 127, as in a shell.
    #[command(after_help = "Examples:\n  envreg run web -- python -m pytest -x")]
    Run(Run),
    /// Run a command in every environment (or those given with --only).
    ///
    /// Each run has the environment active and the environment's directory
    /// as working directory (as virtualenvwrapper's allvirtualenv). A header
    /// line "envreg: ==> NAME <==" goes to stderr before each environment's output.
    /// With -j N (N > 1) up to N run at once; each one's output is held back
    /// and printed whole when it finishes (its stdout to stdout, its stderr to
    /// stderr), so lines of two environments never interleave. A failure in
    /// one environment does not stop the others; the exit status is 1 when
    /// any failed, with a summary of which on stderr.
    #[command(after_help = "Examples:\n  envreg all -j 4 -- python -m pip list --outdated")]
    All(All),
    /// Copy an environment, rewriting every path inside to the new one.
    ///
    /// SRC is a registered name, or the path of a venv that is not registered
    /// (it is copied into the registry; DST defaults to its directory's name).
    /// The copy is independent: files are reflinked where the file system can,
    /// else copied (never hard-linked, except envreg's read-only seed files).
    #[command(after_help = "Examples:\n  envreg cp web web-py-upgrade")]
    Cp(Cp),
    /// Rename an environment, rewriting every path inside to the new one.
    ///
    /// The registry entry keeps its metadata (created, last used, project,
    /// settings). A kill at any moment leaves exactly one of OLD and NEW.
    #[command(after_help = "Examples:\n  envreg mv web web-legacy")]
    Mv(Mv),
    /// Uninstall every package but the seed (pip, setuptools) from an environment.
    ///
    /// Asks first on a terminal; -y skips the question.
    #[command(after_help = "Examples:\n  envreg wipe web -y")]
    Wipe(Wipe),
    /// Change an environment's settings.
    #[command(
        after_help = "Examples:\n  envreg set web --var DJANGO_SETTINGS_MODULE=web.dev --add-path ~/src/lib"
    )]
    Set(Set),
    /// Check the health of every environment (or those named), with the fix for each problem.
    ///
    /// Without --deep no Python runs: the interpreter link resolves,
    /// pyvenv.cfg's home and version match the interpreter (patch release
    /// changed, minor version changed, or gone), the scripts' shebangs name
    /// the environment's python, the directory is where the index says, and
    /// the home holds no stale staging, trash or unregistered directories.
    /// Exit status 0 when everything is healthy, 1 otherwise.
    #[command(
        after_help = "Examples:\n  envreg doctor\n  envreg doctor --json | jq -r '.envs[] | select(.problems != []) | .name'"
    )]
    Doctor(Doctor),
    /// Bring environments back after their Python was upgraded, moved or removed.
    ///
    /// When the same major.minor Python is still there (a patch upgrade, or
    /// the interpreter moved) the environment is re-pointed in place: its
    /// python links, pyvenv.cfg and script shebangs; packages are untouched.
    /// When that minor version is gone, or -p is given, it is rebuilt: a new
    /// environment is made in staging on the new interpreter, the same
    /// packages (read from its *.dist-info) are installed with its pip
    /// (honouring pip's configuration and PIP_* variables, so
    /// PIP_FIND_LINKS/--no-index work offline), settings, variables and
    /// project are kept, and it replaces the old one only when every package
    /// installed. A kill at any moment leaves the old environment or the new
    /// one, never a mix.
    #[command(
        after_help = "Examples:\n  envreg repair --all --dry-run\n  envreg repair api -p 3.13"
    )]
    Repair(Repair),
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
    /// The Python interpreters envreg finds for -p.
    #[command(after_help = "Examples:\n  envreg python ls --json | jq -r '.[].version'")]
    Python(PythonArgs),
    /// Choose an environment with a fuzzy picker on the terminal; print its name.
    ///
    /// Used by bare `workon` on a terminal. Esc or Ctrl-D cancels with exit
    /// status 1, Ctrl-C with 130; nothing is printed on cancel.
    #[command(
        hide = true,
        after_help = "Examples:\n  name=$(envreg pick) && workon \"$name\""
    )]
    Pick,
}

#[derive(Debug, Args)]
pub struct Mkenv {
    /// Name of the new environment ([A-Za-z0-9][A-Za-z0-9._+-]*, at most 64 characters).
    #[arg(required_unless_present = "temp", conflicts_with = "temp")]
    pub name: Option<String>,
    /// Create a temporary environment with a generated name (tmp-XXXXXX);
    /// 'envreg rm --temp' removes them all.
    #[arg(long)]
    pub temp: bool,
    /// Interpreter: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv's
    /// cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv.
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
pub struct Doctor {
    /// Check only these environments (default: all, and the home).
    pub names: Vec<String>,
    /// Print JSON: {"envs": [{name, path, status, python, problems: [{kind, message, fix}]}], "home": {path, problems}}.
    #[arg(long)]
    pub json: bool,
    /// Also run each healthy environment's python (import sys, site) and 'pip check'.
    #[arg(long)]
    pub deep: bool,
}

#[derive(Debug, Args)]
pub struct Repair {
    /// The environments to repair.
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub names: Vec<String>,
    /// Repair every environment that needs it.
    #[arg(long)]
    pub all: bool,
    /// Rebuild on this interpreter (same forms as 'mkenv -p'), even when the old one is fine.
    #[arg(short, long, value_name = "SPEC")]
    pub python: Option<String>,
    /// Print what each environment needs (nothing, re-point, rebuild and its packages); change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Swap in a rebuilt environment even when some packages failed to install (they are listed).
    #[arg(long)]
    pub allow_partial: bool,
}

#[derive(Debug, Args)]
pub struct PythonArgs {
    #[command(subcommand)]
    pub command: PythonCommand,
}

#[derive(Debug, Subcommand)]
pub enum PythonCommand {
    /// List the interpreters found on PATH, in pyenv's versions and among uv-managed
    /// Pythons, with implementation, version and where each was found.
    #[command(after_help = "Examples:\n  envreg python ls")]
    Ls {
        /// Print a JSON array (source, path, implementation, version, free_threaded, executable).
        #[arg(long)]
        json: bool,
    },
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
    #[arg(required_unless_present = "temp", conflicts_with = "temp")]
    pub names: Vec<String>,
    /// Remove every temporary environment (made by 'mkenv --temp').
    #[arg(long)]
    pub temp: bool,
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
    /// Print the scripts directory (bin, or Scripts on Windows).
    #[arg(long, group = "which")]
    pub bin: bool,
    /// Print the site-packages directory.
    #[arg(long, group = "which")]
    pub site_packages: bool,
    /// Print the environment's python.
    #[arg(long, group = "which")]
    pub python: bool,
    /// What the shell hooks' `workon` calls: print the environment's
    /// directory, then the global hooks directory, one per line, and record
    /// the environment as used now.
    #[arg(long, hide = true)]
    pub workon: bool,
    /// With --workon: activate even an environment that is broken or missing
    /// its interpreter (what `workon --force NAME` passes).
    #[arg(long, hide = true, requires = "workon")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct Run {
    /// The environment to run the command in.
    pub name: String,
    /// Run even when the environment is broken or missing.
    #[arg(long)]
    pub force: bool,
    /// The command and its arguments (after --).
    #[arg(required = true, last = true, value_name = "CMD")]
    pub command: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct All {
    /// Run in up to N environments at once (output is then printed per environment when it ends).
    #[arg(short, long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..=256))]
    pub jobs: u32,
    /// Only these environments (comma-separated, or repeat the option).
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    pub only: Vec<String>,
    /// Go on after a failure (the default; accepted for compatibility).
    #[arg(long)]
    pub keep_going: bool,
    /// The command and its arguments (after --).
    #[arg(required = true, last = true, value_name = "CMD")]
    pub command: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct Cp {
    /// A registered name, or the path of an unregistered venv.
    pub src: String,
    /// The new environment's name (default for a path: its directory's name).
    pub dst: Option<String>,
}

#[derive(Debug, Args)]
pub struct Mv {
    /// The environment's current name.
    pub old: String,
    /// Its new name.
    pub new: String,
    /// Rename even the active environment ($VIRTUAL_ENV).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct Wipe {
    /// The environment to empty.
    pub name: String,
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct Set {
    /// The environment to change.
    pub name: String,
    /// Give the environment access to the base interpreter's site-packages (true/false).
    #[arg(long, value_name = "BOOL", action = clap::ArgAction::Set)]
    pub system_site_packages: Option<bool>,
    /// Prompt prefix shown while it is active ("" for the default: the name).
    #[arg(long, value_name = "TEXT")]
    pub prompt: Option<String>,
    /// Set an environment variable while it is active (repeatable).
    #[arg(long = "var", value_name = "KEY=VALUE")]
    pub vars: Vec<String>,
    /// Stop setting an environment variable (repeatable).
    #[arg(long = "unset-var", value_name = "KEY")]
    pub unset_vars: Vec<String>,
    /// Add DIR to the environment's sys.path (envreg.pth in site-packages).
    #[arg(long = "add-path", value_name = "DIR")]
    pub add_paths: Vec<PathBuf>,
    /// Remove DIR from envreg.pth.
    #[arg(long = "remove-path", value_name = "DIR")]
    pub remove_paths: Vec<PathBuf>,
    /// Associate a project directory.
    #[arg(long, value_name = "DIR", conflicts_with = "no_project")]
    pub project: Option<PathBuf>,
    /// Forget the project directory.
    #[arg(long)]
    pub no_project: bool,
    /// Install pip into an environment made with --no-pip (from the
    /// interpreter's bundled wheel, as mkenv does; no network).
    #[arg(long)]
    pub pip: bool,
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
            // clap's generated `help` subcommands explain themselves.
            for sub in cmd.get_subcommands_mut().filter(|s| s.get_name() != "help") {
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
