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
        after_help = "Examples:\n  envreg mkenv api -p 3.12 -r requirements.txt --project ~/src/api\n  envreg mkenv web -r requirements.txt --installer uv"
    )]
    Mkenv(Mkenv),
    /// Create a project directory and an environment bound to it.
    ///
    /// Makes $PROJECT_HOME/NAME (or the directory given with --dir), then the
    /// environment NAME with that directory as its project, as 'envreg mkenv
    /// NAME --project DIR' would; prints the project directory. The shell
    /// hooks' `mkproject NAME` runs this, then activates NAME and changes to
    /// the directory. If the environment cannot be created, a directory this
    /// command made is removed again.
    #[command(
        after_help = "Examples:\n  envreg mkproject api -p 3.12 -i requests\n  envreg mkproject web --dir ~/src/web-frontend -f"
    )]
    Mkproject(Mkproject),
    /// List the registered environments.
    #[command(
        after_help = "Examples:\n  envreg ls --json | jq -r '.[] | select(.status != \"ok\") | .name'"
    )]
    Ls(Ls),
    /// Remove environments (asks first on a terminal).
    ///
    /// An environment envreg built is deleted. One registered from elsewhere
    /// ('envreg adopt', 'envreg import') is only forgotten, its files left
    /// where they are, unless --delete is given.
    #[command(
        after_help = "Examples:\n  envreg rm -y scratch old-api\n  envreg rm --delete -y old-vew-env"
    )]
    Rm(Rm),
    /// Register an existing venv where it is, under a name.
    ///
    /// The venv stays where it is and is not changed; `workon NAME` and every
    /// other command then work with it. 'envreg rm NAME' forgets it again and
    /// leaves its files (--delete deletes them). The interpreter is read from
    /// its pyvenv.cfg and bin/python, without running Python. A directory
    /// that is already registered is reported and left alone (exit 0).
    #[command(
        after_help = "Examples:\n  envreg adopt ~/src/api/.venv          # registered as 'api'\n  envreg adopt ./venv --name api-py312"
    )]
    Adopt(Adopt),
    /// Register every venv of virtualenvwrapper's, pew's and pyenv-virtualenv's stores.
    ///
    /// Without DIR: $WORKON_HOME (else ~/.virtualenvs, also virtualfish's),
    /// ~/.local/share/virtualenvs (pew), and pyenv-virtualenv's
    /// $PYENV_ROOT/versions/*/envs/* and versions/NAME venvs. A DIR is a store
    /// (a folder of venvs) or a venv itself. Each venv is registered in place
    /// under its directory's name, with the project its `.project` file names;
    /// a name envreg refuses, or one taken by another environment, is changed
    /// and reported. Running it again changes nothing. Broken venvs are
    /// registered and show as broken in 'envreg ls'.
    #[command(
        after_help = "Examples:\n  envreg import --dry-run\n  envreg import ~/.virtualenvs --move\n  envreg import --json | jq -r '.[] | select(.action == \"skipped\") | .source'"
    )]
    Import(Import),
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
    /// Show the disk space each environment takes, the total and the cache.
    ///
    /// SIZE is what the environment takes on its own (like `du -s` of its
    /// directory): OWN is what removing it gives back, SHARED the files it
    /// shares by hard link with other environments or envreg's seed cache.
    /// Hard-linked files are counted once in every total. Sizes are
    /// allocated blocks, as `du` counts; symbolic links are not followed and
    /// mounts inside an environment are not entered. Largest first.
    #[command(
        after_help = "Examples:\n  envreg du\n  envreg du --json | jq '.envs[] | select(.own > 100000000) | .name'"
    )]
    Du(Du),
    /// Remove leftovers: temporary environments, unused cache, stale scratch (and old environments).
    ///
    /// Removes every temporary environment, seed-cache entries no
    /// environment uses, and scratch directories of killed commands; with
    /// --unused-for, also the environments not used for that long. Lists what it removes and asks first on a terminal when environments
    /// would be removed (-y skips the question; without a terminal -y is
    /// required). --dry-run lists and changes nothing. The active
    /// environment ($VIRTUAL_ENV) is always kept.
    #[command(after_help = "Examples:\n  envreg gc --dry-run --unused-for 90d\n  envreg gc -y")]
    Gc(Gc),
    /// Change an environment's settings.
    #[command(
        after_help = "Examples:\n  envreg set web --var DJANGO_SETTINGS_MODULE=web.dev --add-path ~/src/lib"
    )]
    Set(Set),
    /// Make DIR/.venv a symlink to an environment, for tools that look for `.venv`.
    ///
    /// uv, poetry, VS Code and PyCharm use a project's `.venv`; the link
    /// makes them use the registered environment. NAME defaults to the
    /// active environment ($VIRTUAL_ENV, when it is registered), DIR to the
    /// current directory; a single argument that is not a name (it has a
    /// '/', or is '.') is DIR. The directory is recorded with the
    /// environment, so the auto-activation of 'envreg init SHELL --auto'
    /// trusts it. An existing `.venv` that is not a link envreg made (a
    /// directory, a file, a link elsewhere) is never replaced; one to
    /// another registered environment only with --force. Linking again to
    /// the same environment changes nothing.
    #[command(
        after_help = "Examples:\n  envreg link api ~/src/api\n  workon api && cd ~/src/web && envreg link"
    )]
    Link(Link),
    /// Remove a `.venv` symlink that 'envreg link' made (default DIR: the current directory).
    ///
    /// Only a `.venv` symlink to a registered environment (or into envreg's
    /// envs directory, or one envreg recorded) is removed; anything else is
    /// left untouched with exit status 1. The environment is not changed.
    #[command(after_help = "Examples:\n  envreg unlink ~/src/api")]
    Unlink(Unlink),
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
    ///
    /// With --auto (bash, zsh, fish, xonsh, nu) the hook also activates the environment
    /// bound to a directory (by 'envreg set --project', 'mkenv --project' or
    /// 'envreg link') when you cd into it or below, and deactivates it when
    /// you leave, unless you activated another environment by hand. Nothing
    /// in the directory itself (a `.venv`, a `.python-version`) is trusted.
    #[command(
        verbatim_doc_comment,
        about = "Print the shell hook that defines `workon` for SHELL",
        after_help = "Examples:\n  echo 'eval \"$(envreg init bash)\"' >> ~/.bashrc\n  echo 'eval \"$(envreg init zsh --auto)\"' >> ~/.zshrc"
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
    /// Project directory to associate with the environment (an existing
    /// directory; stored with symbolic links resolved).
    #[arg(long, value_name = "DIR")]
    pub project: Option<PathBuf>,
    #[command(flatten)]
    pub opts: MkenvOpts,
}

#[derive(Debug, Args)]
pub struct Mkproject {
    /// Name of the new environment; the project directory is $PROJECT_HOME/NAME.
    pub name: String,
    /// The project directory to create instead of $PROJECT_HOME/NAME.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Use the project directory even if it exists already.
    #[arg(short, long)]
    pub force: bool,
    /// What the shell hooks' `mkproject` passes: print the environment's
    /// name instead of the project directory.
    #[arg(long, hide = true)]
    pub workon: bool,
    #[command(flatten)]
    pub opts: MkenvOpts,
}

/// The options `mkenv` and `mkproject` share.
#[derive(Debug, Args)]
pub struct MkenvOpts {
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
    /// Install PKG into the new environment, with its pip or with uv (see --installer)
    /// (repeatable).
    #[arg(short = 'i', long = "install", value_name = "PKG")]
    pub install: Vec<String>,
    /// Install the requirements in FILE (repeatable).
    #[arg(short = 'r', long = "requirement", value_name = "FILE")]
    pub requirements: Vec<PathBuf>,
    #[command(flatten)]
    pub installer: InstallerArg,
    /// Prompt prefix shown while the environment is active (default: the name).
    #[arg(long, value_name = "TEXT")]
    pub prompt: Option<String>,
}

/// The installer choice, for every command that installs packages.
#[derive(Debug, Args)]
pub struct InstallerArg {
    /// What installs -i/-r: the environment's pip, or uv ('uv pip install', found on
    /// PATH or at ENVREG_UV; much faster, but it does not read pip.conf). Default:
    /// ENVREG_INSTALLER, else pip.
    #[arg(long, value_name = "NAME")]
    pub installer: Option<InstallerName>,
}

/// The installers envreg can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InstallerName {
    /// The environment's own pip.
    Pip,
    /// uv's 'uv pip install --python ENV/bin/python'.
    Uv,
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
    /// Also delete the files of environments registered from elsewhere
    /// (only directories that are venvs: with a pyvenv.cfg).
    #[arg(long)]
    pub delete: bool,
}

#[derive(Debug, Args)]
pub struct Adopt {
    /// The venv's directory (with pyvenv.cfg and bin/python).
    pub path: PathBuf,
    /// The name to register it as (default: the directory's name; for a
    /// `.venv`, `venv` or `env` directory, its parent's name).
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct Import {
    /// Stores (folders of venvs) or venvs to import (default: the known stores).
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Move each venv into envreg's envs folder (paths inside rewritten)
    /// instead of registering it where it is.
    #[arg(long = "move")]
    pub move_in: bool,
    /// Change nothing; print what would be done.
    #[arg(long)]
    pub dry_run: bool,
    /// Print a JSON array of {source, name, action, reason}.
    #[arg(long)]
    pub json: bool,
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
    /// directory, the global hooks directory, its name and the project
    /// directory to change to (maybe empty), one per line, and record the
    /// environment as used now. NAME `.` is the environment whose project is
    /// the current directory or its nearest ancestor.
    #[arg(long, hide = true)]
    pub workon: bool,
    /// With --workon: activate even an environment that is broken or missing
    /// its interpreter (what `workon --force NAME` passes).
    #[arg(long, hide = true, requires = "workon")]
    pub force: bool,
    /// With --workon: print the project directory for workon to change to
    /// even when ENVREG_WORKON_CD is 0 (`workon --cd`).
    #[arg(long, hide = true, requires = "workon", conflicts_with = "no_cd")]
    pub cd: bool,
    /// With --workon: print no project directory (`workon --no-cd`).
    #[arg(long, hide = true, requires = "workon")]
    pub no_cd: bool,
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
pub struct Du {
    /// Only these environments (default: all).
    pub names: Vec<String>,
    /// Print JSON with exact byte counts instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct Gc {
    /// Also remove environments last used (or, never used, created) longer
    /// ago than this: 90d, 2w, 12h, 1month.
    #[arg(long, value_name = "DURATION", value_parser = humantime::parse_duration)]
    pub unused_for: Option<std::time::Duration>,
    /// List what would be removed and change nothing.
    #[arg(long)]
    pub dry_run: bool,
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
    /// Associate a project directory (an existing directory; stored with
    /// symbolic links resolved, and written to the environment's .project
    /// file): `workon` changes to it.
    #[arg(long, value_name = "DIR", conflicts_with = "no_project")]
    pub project: Option<PathBuf>,
    /// Forget the project directory (and remove the .project file).
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
    /// Also define virtualenvwrapper's commands (mkvirtualenv, rmvirtualenv,
    /// lsvirtualenv, ...) and run its hook files (bash, zsh; fish: a subset).
    #[arg(long)]
    pub vew: bool,
    /// Also activate the environment bound to the current directory on
    /// every cd, and deactivate it on leaving (bash, zsh, fish, xonsh and nu).
    #[arg(long)]
    pub auto: bool,
}

#[derive(Debug, Args)]
pub struct Link {
    /// The environment to link to (default: the active one, $VIRTUAL_ENV).
    pub name: Option<String>,
    /// The directory that gets the `.venv` link (default: the current directory).
    pub dir: Option<PathBuf>,
    /// Replace a `.venv` that links to another registered environment.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct Unlink {
    /// The directory whose `.venv` link is removed (default: the current directory).
    pub dir: Option<PathBuf>,
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
