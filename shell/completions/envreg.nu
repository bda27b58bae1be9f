# Completion for envreg in nushell. Generated from envreg's command-line definition by `ENVREG_UPDATE_COMPLETIONS=1 cargo test completions`; do not edit.

module envreg_completions {

  def "nu-complete envreg names" [] {
    ^envreg ls --names | lines
  }

  # A central registry of named Python virtual environments
  export extern envreg [
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete envreg mkenv installer" [] {
    [ "pip" "uv" ]
  }

  # Create and register a new environment
  export extern "envreg mkenv" [
    --temp                    # Create a temporary environment with a generated name (tmp-XXXXXX); 'envreg rm --temp' removes them all
    --project: path           # Project directory to associate with the environment (an existing directory; stored with symbolic links resolved)
    --python(-p): string      # Interpreter: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv's cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv
    --no-pip                  # Do not install pip (and, for Python < 3.12, setuptools) into the environment
    --system-site-packages    # Give the environment access to the base interpreter's site-packages
    --install(-i): string     # Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)
    --requirement(-r): path   # Install the requirements in FILE (repeatable)
    --installer: string@"nu-complete envreg mkenv installer" # What installs -i/-r: the environment's pip, or uv ('uv pip install', found on PATH or at ENVREG_UV; much faster, but it does not read pip.conf). Default: ENVREG_INSTALLER, else pip
    --prompt: string          # Prompt prefix shown while the environment is active (default: the name)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    name?: string             # Name of the new environment ([A-Za-z0-9][A-Za-z0-9._+-]*, at most 64 characters)
  ]

  def "nu-complete envreg mkproject installer" [] {
    [ "pip" "uv" ]
  }

  # Create a project directory and an environment bound to it
  export extern "envreg mkproject" [
    --dir: path               # The project directory to create instead of $PROJECT_HOME/NAME
    --force(-f)               # Use the project directory even if it exists already
    --python(-p): string      # Interpreter: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv's cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv
    --no-pip                  # Do not install pip (and, for Python < 3.12, setuptools) into the environment
    --system-site-packages    # Give the environment access to the base interpreter's site-packages
    --install(-i): string     # Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)
    --requirement(-r): path   # Install the requirements in FILE (repeatable)
    --installer: string@"nu-complete envreg mkproject installer" # What installs -i/-r: the environment's pip, or uv ('uv pip install', found on PATH or at ENVREG_UV; much faster, but it does not read pip.conf). Default: ENVREG_INSTALLER, else pip
    --prompt: string          # Prompt prefix shown while the environment is active (default: the name)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    name: string              # Name of the new environment; the project directory is $PROJECT_HOME/NAME
  ]

  # List the registered environments
  export extern "envreg ls" [
    --json                    # Print a JSON array instead of a table
    --names                   # Print only the names, one per line
    --long(-l)                # Add the path and interpreter columns to the table
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  # Remove environments (asks first on a terminal)
  export extern "envreg rm" [
    --temp                    # Remove every temporary environment (made by 'mkenv --temp')
    --yes(-y)                 # Do not ask for confirmation
    --force                   # Remove the environment even if it is the active one ($VIRTUAL_ENV)
    --delete                  # Also delete the files of environments registered from elsewhere (only directories that are venvs: with a pyvenv.cfg)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    ...names: string@"nu-complete envreg names"          # Names of the environments to remove
  ]

  # Register an existing venv where it is, under a name
  export extern "envreg adopt" [
    --name: string            # The name to register it as (default: the directory's name; for a `.venv`, `venv` or `env` directory, its parent's name)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    path: path                # The venv's directory (with pyvenv.cfg and bin/python)
  ]

  # Register every venv of virtualenvwrapper's, pew's and pyenv-virtualenv's stores
  export extern "envreg import" [
    --move                    # Move each venv into envreg's envs folder (paths inside rewritten) instead of registering it where it is
    --dry-run                 # Change nothing; print what would be done
    --json                    # Print a JSON array of {source, name, action, reason}
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    ...dirs: path             # Stores (folders of venvs) or venvs to import (default: the known stores)
  ]

  # Show everything the registry knows about one environment
  export extern "envreg show" [
    --json                    # Print JSON instead of text
    --help(-h)                # Print help
    --version(-V)             # Print version
    name: string@"nu-complete envreg names"              # Name of the environment (see 'envreg ls')
  ]

  # Print an environment's directory (or its scripts directory, site-packages, python)
  export extern "envreg path" [
    --bin                     # Print the scripts directory (bin, or Scripts on Windows)
    --site-packages           # Print the site-packages directory
    --python                  # Print the environment's python
    --help(-h)                # Print help
    --version(-V)             # Print version
    name: string@"nu-complete envreg names"              # Name of the environment (see 'envreg ls')
  ]

  # Run a command with an environment active, without changing the shell
  export extern "envreg run" [
    --force                   # Run even when the environment is broken or missing
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    name: string@"nu-complete envreg names"              # The environment to run the command in
  ]

  # Run a command in every environment (or those given with --only)
  export extern "envreg all" [
    --jobs(-j): string        # Run in up to N environments at once (output is then printed per environment when it ends)
    --only: string            # Only these environments (comma-separated, or repeat the option)
    --keep-going              # Go on after a failure (the default; accepted for compatibility)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  # Copy an environment, rewriting every path inside to the new one
  export extern "envreg cp" [
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    src: string               # A registered name, or the path of an unregistered venv
    dst?: string              # The new environment's name (default for a path: its directory's name)
  ]

  # Rename an environment, rewriting every path inside to the new one
  export extern "envreg mv" [
    --force                   # Rename even the active environment ($VIRTUAL_ENV)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    old: string               # The environment's current name
    new: string               # Its new name
  ]

  # Uninstall every package but the seed (pip, setuptools) from an environment
  export extern "envreg wipe" [
    --yes(-y)                 # Do not ask for confirmation
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    name: string@"nu-complete envreg names"              # The environment to empty
  ]

  # Show the disk space each environment takes, the total and the cache
  export extern "envreg du" [
    --json                    # Print JSON with exact byte counts instead of a table
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    ...names: string@"nu-complete envreg names"          # Only these environments (default: all)
  ]

  # Remove leftovers: temporary environments, unused cache, stale scratch (and old environments)
  export extern "envreg gc" [
    --unused-for: string      # Also remove environments last used (or, never used, created) longer ago than this: 90d, 2w, 12h, 1month
    --dry-run                 # List what would be removed and change nothing
    --yes(-y)                 # Do not ask for confirmation
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete envreg set system_site_packages" [] {
    [ "true" "false" ]
  }

  # Change an environment's settings
  export extern "envreg set" [
    --system-site-packages: string@"nu-complete envreg set system_site_packages" # Give the environment access to the base interpreter's site-packages (true/false)
    --prompt: string          # Prompt prefix shown while it is active ("" for the default: the name)
    --var: string             # Set an environment variable while it is active (repeatable)
    --unset-var: string       # Stop setting an environment variable (repeatable)
    --add-path: path          # Add DIR to the environment's sys.path (envreg.pth in site-packages)
    --remove-path: path       # Remove DIR from envreg.pth
    --project: path           # Associate a project directory (an existing directory; stored with symbolic links resolved, and written to the environment's .project file): `workon` changes to it
    --no-project              # Forget the project directory (and remove the .project file)
    --pip                     # Install pip into an environment made with --no-pip (from the interpreter's bundled wheel, as mkenv does; no network)
    --help(-h)                # Print help
    --version(-V)             # Print version
    name: string@"nu-complete envreg names"              # The environment to change
  ]

  # Make DIR/.venv a symlink to an environment, for tools that look for `.venv`
  export extern "envreg link" [
    --force                   # Replace a `.venv` that links to another registered environment
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    name?: string@"nu-complete envreg names"             # The environment to link to (default: the active one, $VIRTUAL_ENV)
    dir?: path                # The directory that gets the `.venv` link (default: the current directory)
  ]

  # Remove a `.venv` symlink that 'envreg link' made (default DIR: the current directory)
  export extern "envreg unlink" [
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    dir?: path                # The directory whose `.venv` link is removed (default: the current directory)
  ]

  # Check the health of every environment (or those named), with the fix for each problem
  export extern "envreg doctor" [
    --json                    # Print JSON: {"envs": [{name, path, status, python, problems: [{kind, message, fix}]}], "home": {path, problems}}
    --deep                    # Also run each healthy environment's python (import sys, site) and 'pip check'
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    ...names: string@"nu-complete envreg names"          # Check only these environments (default: all, and the home)
  ]

  # Bring environments back after their Python was upgraded, moved or removed
  export extern "envreg repair" [
    --all                     # Repair every environment that needs it
    --python(-p): string      # Rebuild on this interpreter (same forms as 'mkenv -p'), even when the old one is fine
    --dry-run                 # Print what each environment needs (nothing, re-point, rebuild and its packages); change nothing
    --allow-partial           # Swap in a rebuilt environment even when some packages failed to install (they are listed)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    ...names: string@"nu-complete envreg names"          # The environments to repair
  ]

  def "nu-complete envreg init shell" [] {
    [ "bash" "zsh" "fish" "tcsh" "xonsh" "nu" "powershell" ]
  }

  # Print the shell hook that defines `workon` for SHELL
  export extern "envreg init" [
    --vew                     # Also define virtualenvwrapper's commands (mkvirtualenv, rmvirtualenv, lsvirtualenv, ...) and run its hook files (bash, zsh; fish: a subset)
    --auto                    # Also activate the environment bound to the current directory on every cd, and deactivate it on leaving (bash, zsh, fish, xonsh and nu)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    shell?: string@"nu-complete envreg init shell" # The shell to print the hook for (default: the one running envreg, detected from the parent process, else $SHELL; said on stderr)
  ]

  def "nu-complete envreg activate shell" [] {
    [ "bash" "zsh" "fish" "tcsh" "xonsh" "nu" "powershell" ]
  }

  # Print the command that activates NAME in your shell (for use without the hook)
  export extern "envreg activate" [
    --shell: string@"nu-complete envreg activate shell" # The shell to print the command for (default: detected)
    --help(-h)                # Print help
    --version(-V)             # Print version
    name: string@"nu-complete envreg names"              # Name of the environment (see 'envreg ls')
  ]

  # The Python interpreters envreg finds for -p
  export extern "envreg python" [
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  # List the interpreters found on PATH, in pyenv's versions and among uv-managed Pythons, with implementation, version and where each was found
  export extern "envreg python ls" [
    --json                    # Print a JSON array (source, path, implementation, version, free_threaded, executable)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "envreg python help" [
  ]

  # List the interpreters found on PATH, in pyenv's versions and among uv-managed Pythons, with implementation, version and where each was found
  export extern "envreg python help ls" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "envreg python help help" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "envreg help" [
  ]

  # Create and register a new environment
  export extern "envreg help mkenv" [
  ]

  # Create a project directory and an environment bound to it
  export extern "envreg help mkproject" [
  ]

  # List the registered environments
  export extern "envreg help ls" [
  ]

  # Remove environments (asks first on a terminal)
  export extern "envreg help rm" [
  ]

  # Register an existing venv where it is, under a name
  export extern "envreg help adopt" [
  ]

  # Register every venv of virtualenvwrapper's, pew's and pyenv-virtualenv's stores
  export extern "envreg help import" [
  ]

  # Show everything the registry knows about one environment
  export extern "envreg help show" [
  ]

  # Print an environment's directory (or its scripts directory, site-packages, python)
  export extern "envreg help path" [
  ]

  # Run a command with an environment active, without changing the shell
  export extern "envreg help run" [
  ]

  # Run a command in every environment (or those given with --only)
  export extern "envreg help all" [
  ]

  # Copy an environment, rewriting every path inside to the new one
  export extern "envreg help cp" [
  ]

  # Rename an environment, rewriting every path inside to the new one
  export extern "envreg help mv" [
  ]

  # Uninstall every package but the seed (pip, setuptools) from an environment
  export extern "envreg help wipe" [
  ]

  # Show the disk space each environment takes, the total and the cache
  export extern "envreg help du" [
  ]

  # Remove leftovers: temporary environments, unused cache, stale scratch (and old environments)
  export extern "envreg help gc" [
  ]

  # Change an environment's settings
  export extern "envreg help set" [
  ]

  # Make DIR/.venv a symlink to an environment, for tools that look for `.venv`
  export extern "envreg help link" [
  ]

  # Remove a `.venv` symlink that 'envreg link' made (default DIR: the current directory)
  export extern "envreg help unlink" [
  ]

  # Check the health of every environment (or those named), with the fix for each problem
  export extern "envreg help doctor" [
  ]

  # Bring environments back after their Python was upgraded, moved or removed
  export extern "envreg help repair" [
  ]

  # Print the shell hook that defines `workon` for SHELL
  export extern "envreg help init" [
  ]

  # Print the command that activates NAME in your shell (for use without the hook)
  export extern "envreg help activate" [
  ]

  # The Python interpreters envreg finds for -p
  export extern "envreg help python" [
  ]

  # List the interpreters found on PATH, in pyenv's versions and among uv-managed Pythons, with implementation, version and where each was found
  export extern "envreg help python ls" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "envreg help help" [
  ]

}

use envreg_completions *
