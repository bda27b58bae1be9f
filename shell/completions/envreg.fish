# Completion for envreg in fish. Generated from envreg's command-line definition by `ENVREG_UPDATE_COMPLETIONS=1 cargo test completions`; do not edit.

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_envreg_global_optspecs
    string join \n h/help V/version
end

function __fish_envreg_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_envreg_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_envreg_using_subcommand
    set -l cmd (__fish_envreg_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c envreg -n "__fish_envreg_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_needs_command" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "mkenv" -d 'Create and register a new environment'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "mkproject" -d 'Create a project directory and an environment bound to it'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "ls" -d 'List the registered environments'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "rm" -d 'Remove environments (asks first on a terminal)'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "adopt" -d 'Register an existing venv where it is, under a name'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "import" -d 'Register every venv of virtualenvwrapper\'s, pew\'s and pyenv-virtualenv\'s stores'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "show" -d 'Show everything the registry knows about one environment'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "path" -d 'Print an environment\'s directory (or its scripts directory, site-packages, python)'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "run" -d 'Run a command with an environment active, without changing the shell'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "all" -d 'Run a command in every environment (or those given with --only)'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "cp" -d 'Copy an environment, rewriting every path inside to the new one'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "mv" -d 'Rename an environment, rewriting every path inside to the new one'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "wipe" -d 'Uninstall every package but the seed (pip, setuptools) from an environment'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "du" -d 'Show the disk space each environment takes, the total and the cache'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "gc" -d 'Remove leftovers: temporary environments, unused cache, stale scratch (and old environments)'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "set" -d 'Change an environment\'s settings'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "link" -d 'Make DIR/.venv a symlink to an environment, for tools that look for `.venv`'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "unlink" -d 'Remove a `.venv` symlink that \'envreg link\' made (default DIR: the current directory)'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "doctor" -d 'Check the health of every environment (or those named), with the fix for each problem'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "repair" -d 'Bring environments back after their Python was upgraded, moved or removed'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "init" -d 'Print the shell hook that defines `workon` for SHELL'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "activate" -d 'Print the command that activates NAME in your shell (for use without the hook)'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "python" -d 'The Python interpreters envreg finds for -p'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -l project -d 'Project directory to associate with the environment (an existing directory; stored with symbolic links resolved)' -r -F
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -s p -l python -d 'Interpreter: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv\'s cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv' -r
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -s i -l install -d 'Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)' -r
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -s r -l requirement -d 'Install the requirements in FILE (repeatable)' -r -F
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -l installer -d 'What installs -i/-r: the environment\'s pip, or uv (\'uv pip install\', found on PATH or at ENVREG_UV; much faster, but it does not read pip.conf). Default: ENVREG_INSTALLER, else pip' -r -f -a "pip\t'The environment\'s own pip'
uv\t'uv\'s \'uv pip install --python ENV/bin/python\''"
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -l prompt -d 'Prompt prefix shown while the environment is active (default: the name)' -r
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -l temp -d 'Create a temporary environment with a generated name (tmp-XXXXXX); \'envreg rm --temp\' removes them all'
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -l no-pip -d 'Do not install pip (and, for Python < 3.12, setuptools) into the environment'
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -l system-site-packages -d 'Give the environment access to the base interpreter\'s site-packages'
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -l dir -d 'The project directory to create instead of $PROJECT_HOME/NAME' -r -F
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -s p -l python -d 'Interpreter: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv\'s cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv' -r
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -s i -l install -d 'Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)' -r
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -s r -l requirement -d 'Install the requirements in FILE (repeatable)' -r -F
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -l installer -d 'What installs -i/-r: the environment\'s pip, or uv (\'uv pip install\', found on PATH or at ENVREG_UV; much faster, but it does not read pip.conf). Default: ENVREG_INSTALLER, else pip' -r -f -a "pip\t'The environment\'s own pip'
uv\t'uv\'s \'uv pip install --python ENV/bin/python\''"
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -l prompt -d 'Prompt prefix shown while the environment is active (default: the name)' -r
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -s f -l force -d 'Use the project directory even if it exists already'
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -l no-pip -d 'Do not install pip (and, for Python < 3.12, setuptools) into the environment'
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -l system-site-packages -d 'Give the environment access to the base interpreter\'s site-packages'
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand mkproject" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand ls" -l json -d 'Print a JSON array instead of a table'
complete -c envreg -n "__fish_envreg_using_subcommand ls" -l names -d 'Print only the names, one per line'
complete -c envreg -n "__fish_envreg_using_subcommand ls" -s l -l long -d 'Add the path and interpreter columns to the table'
complete -c envreg -n "__fish_envreg_using_subcommand ls" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand ls" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand rm" -l temp -d 'Remove every temporary environment (made by \'mkenv --temp\')'
complete -c envreg -n "__fish_envreg_using_subcommand rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c envreg -n "__fish_envreg_using_subcommand rm" -l force -d 'Remove the environment even if it is the active one ($VIRTUAL_ENV)'
complete -c envreg -n "__fish_envreg_using_subcommand rm" -l delete -d 'Also delete the files of environments registered from elsewhere (only directories that are venvs: with a pyvenv.cfg)'
complete -c envreg -n "__fish_envreg_using_subcommand rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand rm" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand adopt" -l name -d 'The name to register it as (default: the directory\'s name; for a `.venv`, `venv` or `env` directory, its parent\'s name)' -r
complete -c envreg -n "__fish_envreg_using_subcommand adopt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand adopt" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand import" -l move -d 'Move each venv into envreg\'s envs folder (paths inside rewritten) instead of registering it where it is'
complete -c envreg -n "__fish_envreg_using_subcommand import" -l dry-run -d 'Change nothing; print what would be done'
complete -c envreg -n "__fish_envreg_using_subcommand import" -l json -d 'Print a JSON array of {source, name, action, reason}'
complete -c envreg -n "__fish_envreg_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand import" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand show" -l json -d 'Print JSON instead of text'
complete -c envreg -n "__fish_envreg_using_subcommand show" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand show" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand path" -l bin -d 'Print the scripts directory (bin, or Scripts on Windows)'
complete -c envreg -n "__fish_envreg_using_subcommand path" -l site-packages -d 'Print the site-packages directory'
complete -c envreg -n "__fish_envreg_using_subcommand path" -l python -d 'Print the environment\'s python'
complete -c envreg -n "__fish_envreg_using_subcommand path" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand path" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand run" -l force -d 'Run even when the environment is broken or missing'
complete -c envreg -n "__fish_envreg_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand run" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand all" -s j -l jobs -d 'Run in up to N environments at once (output is then printed per environment when it ends)' -r
complete -c envreg -n "__fish_envreg_using_subcommand all" -l only -d 'Only these environments (comma-separated, or repeat the option)' -r
complete -c envreg -n "__fish_envreg_using_subcommand all" -l keep-going -d 'Go on after a failure (the default; accepted for compatibility)'
complete -c envreg -n "__fish_envreg_using_subcommand all" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand all" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand cp" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand mv" -l force -d 'Rename even the active environment ($VIRTUAL_ENV)'
complete -c envreg -n "__fish_envreg_using_subcommand mv" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand mv" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand wipe" -s y -l yes -d 'Do not ask for confirmation'
complete -c envreg -n "__fish_envreg_using_subcommand wipe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand wipe" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand du" -l json -d 'Print JSON with exact byte counts instead of a table'
complete -c envreg -n "__fish_envreg_using_subcommand du" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand du" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand gc" -l unused-for -d 'Also remove environments last used (or, never used, created) longer ago than this: 90d, 2w, 12h, 1month' -r
complete -c envreg -n "__fish_envreg_using_subcommand gc" -l dry-run -d 'List what would be removed and change nothing'
complete -c envreg -n "__fish_envreg_using_subcommand gc" -s y -l yes -d 'Do not ask for confirmation'
complete -c envreg -n "__fish_envreg_using_subcommand gc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand gc" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand set" -l system-site-packages -d 'Give the environment access to the base interpreter\'s site-packages (true/false)' -r -f -a "true\t''
false\t''"
complete -c envreg -n "__fish_envreg_using_subcommand set" -l prompt -d 'Prompt prefix shown while it is active ("" for the default: the name)' -r
complete -c envreg -n "__fish_envreg_using_subcommand set" -l var -d 'Set an environment variable while it is active (repeatable)' -r
complete -c envreg -n "__fish_envreg_using_subcommand set" -l unset-var -d 'Stop setting an environment variable (repeatable)' -r
complete -c envreg -n "__fish_envreg_using_subcommand set" -l add-path -d 'Add DIR to the environment\'s sys.path (envreg.pth in site-packages)' -r -F
complete -c envreg -n "__fish_envreg_using_subcommand set" -l remove-path -d 'Remove DIR from envreg.pth' -r -F
complete -c envreg -n "__fish_envreg_using_subcommand set" -l project -d 'Associate a project directory (an existing directory; stored with symbolic links resolved, and written to the environment\'s .project file): `workon` changes to it' -r -F
complete -c envreg -n "__fish_envreg_using_subcommand set" -l no-project -d 'Forget the project directory (and remove the .project file)'
complete -c envreg -n "__fish_envreg_using_subcommand set" -l pip -d 'Install pip into an environment made with --no-pip (from the interpreter\'s bundled wheel, as mkenv does; no network)'
complete -c envreg -n "__fish_envreg_using_subcommand set" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand set" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand link" -l force -d 'Replace a `.venv` that links to another registered environment'
complete -c envreg -n "__fish_envreg_using_subcommand link" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand link" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand unlink" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand unlink" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand doctor" -l json -d 'Print JSON: {"envs": [{name, path, status, python, problems: [{kind, message, fix}]}], "home": {path, problems}}'
complete -c envreg -n "__fish_envreg_using_subcommand doctor" -l deep -d 'Also run each healthy environment\'s python (import sys, site) and \'pip check\''
complete -c envreg -n "__fish_envreg_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand repair" -s p -l python -d 'Rebuild on this interpreter (same forms as \'mkenv -p\'), even when the old one is fine' -r
complete -c envreg -n "__fish_envreg_using_subcommand repair" -l all -d 'Repair every environment that needs it'
complete -c envreg -n "__fish_envreg_using_subcommand repair" -l dry-run -d 'Print what each environment needs (nothing, re-point, rebuild and its packages); change nothing'
complete -c envreg -n "__fish_envreg_using_subcommand repair" -l allow-partial -d 'Swap in a rebuilt environment even when some packages failed to install (they are listed)'
complete -c envreg -n "__fish_envreg_using_subcommand repair" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand repair" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand init" -l vew -d 'Also define virtualenvwrapper\'s commands (mkvirtualenv, rmvirtualenv, lsvirtualenv, ...) and run its hook files (bash, zsh; fish: a subset)'
complete -c envreg -n "__fish_envreg_using_subcommand init" -l auto -d 'Also activate the environment bound to the current directory on every cd, and deactivate it on leaving (bash, zsh, fish, xonsh and nu)'
complete -c envreg -n "__fish_envreg_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand init" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand activate" -l shell -d 'The shell to print the command for (default: detected)' -r -f -a "bash\t''
zsh\t''
fish\t''
tcsh\t''
xonsh\t''
nu\t''
powershell\t''"
complete -c envreg -n "__fish_envreg_using_subcommand activate" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand activate" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand python; and not __fish_seen_subcommand_from ls help" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand python; and not __fish_seen_subcommand_from ls help" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand python; and not __fish_seen_subcommand_from ls help" -f -a "ls" -d 'List the interpreters found on PATH, in pyenv\'s versions and among uv-managed Pythons, with implementation, version and where each was found'
complete -c envreg -n "__fish_envreg_using_subcommand python; and not __fish_seen_subcommand_from ls help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c envreg -n "__fish_envreg_using_subcommand python; and __fish_seen_subcommand_from ls" -l json -d 'Print a JSON array (source, path, implementation, version, free_threaded, executable)'
complete -c envreg -n "__fish_envreg_using_subcommand python; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand python; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand python; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the interpreters found on PATH, in pyenv\'s versions and among uv-managed Pythons, with implementation, version and where each was found'
complete -c envreg -n "__fish_envreg_using_subcommand python; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "mkenv" -d 'Create and register a new environment'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "mkproject" -d 'Create a project directory and an environment bound to it'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "ls" -d 'List the registered environments'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "rm" -d 'Remove environments (asks first on a terminal)'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "adopt" -d 'Register an existing venv where it is, under a name'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "import" -d 'Register every venv of virtualenvwrapper\'s, pew\'s and pyenv-virtualenv\'s stores'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "show" -d 'Show everything the registry knows about one environment'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "path" -d 'Print an environment\'s directory (or its scripts directory, site-packages, python)'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "run" -d 'Run a command with an environment active, without changing the shell'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "all" -d 'Run a command in every environment (or those given with --only)'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "cp" -d 'Copy an environment, rewriting every path inside to the new one'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "mv" -d 'Rename an environment, rewriting every path inside to the new one'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "wipe" -d 'Uninstall every package but the seed (pip, setuptools) from an environment'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "du" -d 'Show the disk space each environment takes, the total and the cache'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "gc" -d 'Remove leftovers: temporary environments, unused cache, stale scratch (and old environments)'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "set" -d 'Change an environment\'s settings'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "link" -d 'Make DIR/.venv a symlink to an environment, for tools that look for `.venv`'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "unlink" -d 'Remove a `.venv` symlink that \'envreg link\' made (default DIR: the current directory)'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "doctor" -d 'Check the health of every environment (or those named), with the fix for each problem'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "repair" -d 'Bring environments back after their Python was upgraded, moved or removed'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "init" -d 'Print the shell hook that defines `workon` for SHELL'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "activate" -d 'Print the command that activates NAME in your shell (for use without the hook)'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "python" -d 'The Python interpreters envreg finds for -p'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv mkproject ls rm adopt import show path run all cp mv wipe du gc set link unlink doctor repair init activate python help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c envreg -n "__fish_envreg_using_subcommand help; and __fish_seen_subcommand_from python" -f -a "ls" -d 'List the interpreters found on PATH, in pyenv\'s versions and among uv-managed Pythons, with implementation, version and where each was found'
complete -c envreg -n "__fish_envreg_using_subcommand init" -f -a "bash zsh fish tcsh xonsh nu powershell"
complete -c envreg -n "__fish_envreg_using_subcommand rm show path run wipe du set link doctor repair activate" -f -a "(command envreg ls --names 2>/dev/null)"
