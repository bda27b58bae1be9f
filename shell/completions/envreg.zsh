#compdef envreg
# Completion for envreg in zsh. Generated from envreg's command-line definition by `ENVREG_UPDATE_COMPLETIONS=1 cargo test completions`; do not edit.

autoload -U is-at-least

_envreg() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_envreg_commands" \
"*::: :->envreg" \
&& ret=0
    case $state in
    (envreg)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:envreg-command-$line[1]:"
        case $line[1] in
            (mkenv)
_arguments "${_arguments_options[@]}" : \
'--project=[Project directory to associate with the environment (an existing directory; stored with symbolic links resolved)]:DIR:_files' \
'-p+[Interpreter\: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv'\''s cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv]:SPEC:_default' \
'--python=[Interpreter\: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv'\''s cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv]:SPEC:_default' \
'*-i+[Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)]:PKG:_default' \
'*--install=[Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)]:PKG:_default' \
'*-r+[Install the requirements in FILE (repeatable)]:FILE:_files' \
'*--requirement=[Install the requirements in FILE (repeatable)]:FILE:_files' \
'--installer=[What installs -i/-r\: the environment'\''s pip, or uv ('\''uv pip install'\'', found on PATH or at ENVREG_UV; much faster, but it does not read pip.conf). Default\: ENVREG_INSTALLER, else pip]:NAME:((pip\:"The environment'\''s own pip"
uv\:"uv'\''s '\''uv pip install --python ENV/bin/python'\''"))' \
'--prompt=[Prompt prefix shown while the environment is active (default\: the name)]:TEXT:_default' \
'--temp[Create a temporary environment with a generated name (tmp-XXXXXX); '\''envreg rm --temp'\'' removes them all]' \
'--no-pip[Do not install pip (and, for Python < 3.12, setuptools) into the environment]' \
'--system-site-packages[Give the environment access to the base interpreter'\''s site-packages]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::name -- Name of the new environment (\[A-Za-z0-9\]\[A-Za-z0-9._+-\]*, at most 64 characters):_default' \
&& ret=0
;;
(mkproject)
_arguments "${_arguments_options[@]}" : \
'--dir=[The project directory to create instead of \$PROJECT_HOME/NAME]:DIR:_files' \
'-p+[Interpreter\: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv'\''s cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv]:SPEC:_default' \
'--python=[Interpreter\: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv'\''s cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv]:SPEC:_default' \
'*-i+[Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)]:PKG:_default' \
'*--install=[Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)]:PKG:_default' \
'*-r+[Install the requirements in FILE (repeatable)]:FILE:_files' \
'*--requirement=[Install the requirements in FILE (repeatable)]:FILE:_files' \
'--installer=[What installs -i/-r\: the environment'\''s pip, or uv ('\''uv pip install'\'', found on PATH or at ENVREG_UV; much faster, but it does not read pip.conf). Default\: ENVREG_INSTALLER, else pip]:NAME:((pip\:"The environment'\''s own pip"
uv\:"uv'\''s '\''uv pip install --python ENV/bin/python'\''"))' \
'--prompt=[Prompt prefix shown while the environment is active (default\: the name)]:TEXT:_default' \
'-f[Use the project directory even if it exists already]' \
'--force[Use the project directory even if it exists already]' \
'--no-pip[Do not install pip (and, for Python < 3.12, setuptools) into the environment]' \
'--system-site-packages[Give the environment access to the base interpreter'\''s site-packages]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the new environment; the project directory is $PROJECT_HOME/NAME:_default' \
&& ret=0
;;
(ls)
_arguments "${_arguments_options[@]}" : \
'(--names)--json[Print a JSON array instead of a table]' \
'--names[Print only the names, one per line]' \
'-l[Add the path and interpreter columns to the table]' \
'--long[Add the path and interpreter columns to the table]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(rm)
_arguments "${_arguments_options[@]}" : \
'--temp[Remove every temporary environment (made by '\''mkenv --temp'\'')]' \
'-y[Do not ask for confirmation]' \
'--yes[Do not ask for confirmation]' \
'--force[Remove the environment even if it is the active one (\$VIRTUAL_ENV)]' \
'--delete[Also delete the files of environments registered from elsewhere (only directories that are venvs\: with a pyvenv.cfg)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Names of the environments to remove:_envreg_env_names' \
&& ret=0
;;
(adopt)
_arguments "${_arguments_options[@]}" : \
'--name=[The name to register it as (default\: the directory'\''s name; for a \`.venv\`, \`venv\` or \`env\` directory, its parent'\''s name)]:NAME:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':path -- The venv'\''s directory (with pyvenv.cfg and bin/python):_files' \
&& ret=0
;;
(import)
_arguments "${_arguments_options[@]}" : \
'--move[Move each venv into envreg'\''s envs folder (paths inside rewritten) instead of registering it where it is]' \
'--dry-run[Change nothing; print what would be done]' \
'--json[Print a JSON array of {source, name, action, reason}]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::dirs -- Stores (folders of venvs) or venvs to import (default\: the known stores):_files' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'--json[Print JSON instead of text]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the environment (see '\''envreg ls'\''):_envreg_env_names' \
&& ret=0
;;
(path)
_arguments "${_arguments_options[@]}" : \
'--bin[Print the scripts directory (bin, or Scripts on Windows)]' \
'--site-packages[Print the site-packages directory]' \
'--python[Print the environment'\''s python]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the environment (see '\''envreg ls'\''):_envreg_env_names' \
&& ret=0
;;
(run)
_arguments "${_arguments_options[@]}" : \
'--force[Run even when the environment is broken or missing]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The environment to run the command in:_envreg_env_names' \
'*::command -- The command and its arguments (after --):_default' \
&& ret=0
;;
(all)
_arguments "${_arguments_options[@]}" : \
'-j+[Run in up to N environments at once (output is then printed per environment when it ends)]:N:_default' \
'--jobs=[Run in up to N environments at once (output is then printed per environment when it ends)]:N:_default' \
'*--only=[Only these environments (comma-separated, or repeat the option)]:A,B:_default' \
'--keep-going[Go on after a failure (the default; accepted for compatibility)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::command -- The command and its arguments (after --):_default' \
&& ret=0
;;
(cp)
_arguments "${_arguments_options[@]}" : \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':src -- A registered name, or the path of an unregistered venv:_default' \
'::dst -- The new environment'\''s name (default for a path\: its directory'\''s name):_default' \
&& ret=0
;;
(mv)
_arguments "${_arguments_options[@]}" : \
'--force[Rename even the active environment (\$VIRTUAL_ENV)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':old -- The environment'\''s current name:_default' \
':new -- Its new name:_default' \
&& ret=0
;;
(wipe)
_arguments "${_arguments_options[@]}" : \
'-y[Do not ask for confirmation]' \
'--yes[Do not ask for confirmation]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The environment to empty:_envreg_env_names' \
&& ret=0
;;
(du)
_arguments "${_arguments_options[@]}" : \
'--json[Print JSON with exact byte counts instead of a table]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Only these environments (default\: all):_envreg_env_names' \
&& ret=0
;;
(gc)
_arguments "${_arguments_options[@]}" : \
'--unused-for=[Also remove environments last used (or, never used, created) longer ago than this\: 90d, 2w, 12h, 1month]:DURATION:_default' \
'--dry-run[List what would be removed and change nothing]' \
'-y[Do not ask for confirmation]' \
'--yes[Do not ask for confirmation]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(set)
_arguments "${_arguments_options[@]}" : \
'--system-site-packages=[Give the environment access to the base interpreter'\''s site-packages (true/false)]:BOOL:(true false)' \
'--prompt=[Prompt prefix shown while it is active ("" for the default\: the name)]:TEXT:_default' \
'*--var=[Set an environment variable while it is active (repeatable)]:KEY=VALUE:_default' \
'*--unset-var=[Stop setting an environment variable (repeatable)]:KEY:_default' \
'*--add-path=[Add DIR to the environment'\''s sys.path (envreg.pth in site-packages)]:DIR:_files' \
'*--remove-path=[Remove DIR from envreg.pth]:DIR:_files' \
'(--no-project)--project=[Associate a project directory (an existing directory; stored with symbolic links resolved, and written to the environment'\''s .project file)\: \`workon\` changes to it]:DIR:_files' \
'--no-project[Forget the project directory (and remove the .project file)]' \
'--pip[Install pip into an environment made with --no-pip (from the interpreter'\''s bundled wheel, as mkenv does; no network)]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The environment to change:_envreg_env_names' \
&& ret=0
;;
(link)
_arguments "${_arguments_options[@]}" : \
'--force[Replace a \`.venv\` that links to another registered environment]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::name -- The environment to link to (default\: the active one, $VIRTUAL_ENV):_envreg_env_names' \
'::dir -- The directory that gets the `.venv` link (default\: the current directory):_files' \
&& ret=0
;;
(unlink)
_arguments "${_arguments_options[@]}" : \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::dir -- The directory whose `.venv` link is removed (default\: the current directory):_files' \
&& ret=0
;;
(doctor)
_arguments "${_arguments_options[@]}" : \
'--json[Print JSON\: {"envs"\: \[{name, path, status, python, problems\: \[{kind, message, fix}\]}\], "home"\: {path, problems}}]' \
'--deep[Also run each healthy environment'\''s python (import sys, site) and '\''pip check'\'']' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Check only these environments (default\: all, and the home):_envreg_env_names' \
&& ret=0
;;
(repair)
_arguments "${_arguments_options[@]}" : \
'-p+[Rebuild on this interpreter (same forms as '\''mkenv -p'\''), even when the old one is fine]:SPEC:_default' \
'--python=[Rebuild on this interpreter (same forms as '\''mkenv -p'\''), even when the old one is fine]:SPEC:_default' \
'--all[Repair every environment that needs it]' \
'--dry-run[Print what each environment needs (nothing, re-point, rebuild and its packages); change nothing]' \
'--allow-partial[Swap in a rebuilt environment even when some packages failed to install (they are listed)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- The environments to repair:_envreg_env_names' \
&& ret=0
;;
(init)
_arguments "${_arguments_options[@]}" : \
'--vew[Also define virtualenvwrapper'\''s commands (mkvirtualenv, rmvirtualenv, lsvirtualenv, ...) and run its hook files (bash, zsh; fish\: a subset)]' \
'--auto[Also activate the environment bound to the current directory on every cd, and deactivate it on leaving (bash, zsh, fish, xonsh and nu)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::shell -- The shell to print the hook for (default\: the one running envreg, detected from the parent process, else $SHELL; said on stderr):(bash zsh fish tcsh xonsh nu powershell)' \
&& ret=0
;;
(activate)
_arguments "${_arguments_options[@]}" : \
'--shell=[The shell to print the command for (default\: detected)]:SHELL:(bash zsh fish tcsh xonsh nu powershell)' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the environment (see '\''envreg ls'\''):_envreg_env_names' \
&& ret=0
;;
(python)
_arguments "${_arguments_options[@]}" : \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_envreg__subcmd__python_commands" \
"*::: :->python" \
&& ret=0

    case $state in
    (python)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:envreg-python-command-$line[1]:"
        case $line[1] in
            (ls)
_arguments "${_arguments_options[@]}" : \
'--json[Print a JSON array (source, path, implementation, version, free_threaded, executable)]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_envreg__subcmd__python__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:envreg-python-help-command-$line[1]:"
        case $line[1] in
            (ls)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_envreg__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:envreg-help-command-$line[1]:"
        case $line[1] in
            (mkenv)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(mkproject)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(ls)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(rm)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(adopt)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(import)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(path)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(run)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(all)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cp)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(mv)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(wipe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(du)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(gc)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(set)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(link)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(unlink)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(doctor)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(repair)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(init)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(activate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(python)
_arguments "${_arguments_options[@]}" : \
":: :_envreg__subcmd__help__subcmd__python_commands" \
"*::: :->python" \
&& ret=0

    case $state in
    (python)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:envreg-help-python-command-$line[1]:"
        case $line[1] in
            (ls)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_envreg_commands] )) ||
_envreg_commands() {
    local commands; commands=(
'mkenv:Create and register a new environment' \
'mkproject:Create a project directory and an environment bound to it' \
'ls:List the registered environments' \
'rm:Remove environments (asks first on a terminal)' \
'adopt:Register an existing venv where it is, under a name' \
'import:Register every venv of virtualenvwrapper'\''s, pew'\''s and pyenv-virtualenv'\''s stores' \
'show:Show everything the registry knows about one environment' \
'path:Print an environment'\''s directory (or its scripts directory, site-packages, python)' \
'run:Run a command with an environment active, without changing the shell' \
'all:Run a command in every environment (or those given with --only)' \
'cp:Copy an environment, rewriting every path inside to the new one' \
'mv:Rename an environment, rewriting every path inside to the new one' \
'wipe:Uninstall every package but the seed (pip, setuptools) from an environment' \
'du:Show the disk space each environment takes, the total and the cache' \
'gc:Remove leftovers\: temporary environments, unused cache, stale scratch (and old environments)' \
'set:Change an environment'\''s settings' \
'link:Make DIR/.venv a symlink to an environment, for tools that look for \`.venv\`' \
'unlink:Remove a \`.venv\` symlink that '\''envreg link'\'' made (default DIR\: the current directory)' \
'doctor:Check the health of every environment (or those named), with the fix for each problem' \
'repair:Bring environments back after their Python was upgraded, moved or removed' \
'init:Print the shell hook that defines \`workon\` for SHELL' \
'activate:Print the command that activates NAME in your shell (for use without the hook)' \
'python:The Python interpreters envreg finds for -p' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'envreg commands' commands "$@"
}
(( $+functions[_envreg__subcmd__activate_commands] )) ||
_envreg__subcmd__activate_commands() {
    local commands; commands=()
    _describe -t commands 'envreg activate commands' commands "$@"
}
(( $+functions[_envreg__subcmd__adopt_commands] )) ||
_envreg__subcmd__adopt_commands() {
    local commands; commands=()
    _describe -t commands 'envreg adopt commands' commands "$@"
}
(( $+functions[_envreg__subcmd__all_commands] )) ||
_envreg__subcmd__all_commands() {
    local commands; commands=()
    _describe -t commands 'envreg all commands' commands "$@"
}
(( $+functions[_envreg__subcmd__cp_commands] )) ||
_envreg__subcmd__cp_commands() {
    local commands; commands=()
    _describe -t commands 'envreg cp commands' commands "$@"
}
(( $+functions[_envreg__subcmd__doctor_commands] )) ||
_envreg__subcmd__doctor_commands() {
    local commands; commands=()
    _describe -t commands 'envreg doctor commands' commands "$@"
}
(( $+functions[_envreg__subcmd__du_commands] )) ||
_envreg__subcmd__du_commands() {
    local commands; commands=()
    _describe -t commands 'envreg du commands' commands "$@"
}
(( $+functions[_envreg__subcmd__gc_commands] )) ||
_envreg__subcmd__gc_commands() {
    local commands; commands=()
    _describe -t commands 'envreg gc commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help_commands] )) ||
_envreg__subcmd__help_commands() {
    local commands; commands=(
'mkenv:Create and register a new environment' \
'mkproject:Create a project directory and an environment bound to it' \
'ls:List the registered environments' \
'rm:Remove environments (asks first on a terminal)' \
'adopt:Register an existing venv where it is, under a name' \
'import:Register every venv of virtualenvwrapper'\''s, pew'\''s and pyenv-virtualenv'\''s stores' \
'show:Show everything the registry knows about one environment' \
'path:Print an environment'\''s directory (or its scripts directory, site-packages, python)' \
'run:Run a command with an environment active, without changing the shell' \
'all:Run a command in every environment (or those given with --only)' \
'cp:Copy an environment, rewriting every path inside to the new one' \
'mv:Rename an environment, rewriting every path inside to the new one' \
'wipe:Uninstall every package but the seed (pip, setuptools) from an environment' \
'du:Show the disk space each environment takes, the total and the cache' \
'gc:Remove leftovers\: temporary environments, unused cache, stale scratch (and old environments)' \
'set:Change an environment'\''s settings' \
'link:Make DIR/.venv a symlink to an environment, for tools that look for \`.venv\`' \
'unlink:Remove a \`.venv\` symlink that '\''envreg link'\'' made (default DIR\: the current directory)' \
'doctor:Check the health of every environment (or those named), with the fix for each problem' \
'repair:Bring environments back after their Python was upgraded, moved or removed' \
'init:Print the shell hook that defines \`workon\` for SHELL' \
'activate:Print the command that activates NAME in your shell (for use without the hook)' \
'python:The Python interpreters envreg finds for -p' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'envreg help commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__activate_commands] )) ||
_envreg__subcmd__help__subcmd__activate_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help activate commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__adopt_commands] )) ||
_envreg__subcmd__help__subcmd__adopt_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help adopt commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__all_commands] )) ||
_envreg__subcmd__help__subcmd__all_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help all commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__cp_commands] )) ||
_envreg__subcmd__help__subcmd__cp_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help cp commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__doctor_commands] )) ||
_envreg__subcmd__help__subcmd__doctor_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help doctor commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__du_commands] )) ||
_envreg__subcmd__help__subcmd__du_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help du commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__gc_commands] )) ||
_envreg__subcmd__help__subcmd__gc_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help gc commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__help_commands] )) ||
_envreg__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help help commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__import_commands] )) ||
_envreg__subcmd__help__subcmd__import_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help import commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__init_commands] )) ||
_envreg__subcmd__help__subcmd__init_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help init commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__link_commands] )) ||
_envreg__subcmd__help__subcmd__link_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help link commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__ls_commands] )) ||
_envreg__subcmd__help__subcmd__ls_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help ls commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__mkenv_commands] )) ||
_envreg__subcmd__help__subcmd__mkenv_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help mkenv commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__mkproject_commands] )) ||
_envreg__subcmd__help__subcmd__mkproject_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help mkproject commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__mv_commands] )) ||
_envreg__subcmd__help__subcmd__mv_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help mv commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__path_commands] )) ||
_envreg__subcmd__help__subcmd__path_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help path commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__python_commands] )) ||
_envreg__subcmd__help__subcmd__python_commands() {
    local commands; commands=(
'ls:List the interpreters found on PATH, in pyenv'\''s versions and among uv-managed Pythons, with implementation, version and where each was found' \
    )
    _describe -t commands 'envreg help python commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__python__subcmd__ls_commands] )) ||
_envreg__subcmd__help__subcmd__python__subcmd__ls_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help python ls commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__repair_commands] )) ||
_envreg__subcmd__help__subcmd__repair_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help repair commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__rm_commands] )) ||
_envreg__subcmd__help__subcmd__rm_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help rm commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__run_commands] )) ||
_envreg__subcmd__help__subcmd__run_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help run commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__set_commands] )) ||
_envreg__subcmd__help__subcmd__set_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help set commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__show_commands] )) ||
_envreg__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help show commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__unlink_commands] )) ||
_envreg__subcmd__help__subcmd__unlink_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help unlink commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__wipe_commands] )) ||
_envreg__subcmd__help__subcmd__wipe_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help wipe commands' commands "$@"
}
(( $+functions[_envreg__subcmd__import_commands] )) ||
_envreg__subcmd__import_commands() {
    local commands; commands=()
    _describe -t commands 'envreg import commands' commands "$@"
}
(( $+functions[_envreg__subcmd__init_commands] )) ||
_envreg__subcmd__init_commands() {
    local commands; commands=()
    _describe -t commands 'envreg init commands' commands "$@"
}
(( $+functions[_envreg__subcmd__link_commands] )) ||
_envreg__subcmd__link_commands() {
    local commands; commands=()
    _describe -t commands 'envreg link commands' commands "$@"
}
(( $+functions[_envreg__subcmd__ls_commands] )) ||
_envreg__subcmd__ls_commands() {
    local commands; commands=()
    _describe -t commands 'envreg ls commands' commands "$@"
}
(( $+functions[_envreg__subcmd__mkenv_commands] )) ||
_envreg__subcmd__mkenv_commands() {
    local commands; commands=()
    _describe -t commands 'envreg mkenv commands' commands "$@"
}
(( $+functions[_envreg__subcmd__mkproject_commands] )) ||
_envreg__subcmd__mkproject_commands() {
    local commands; commands=()
    _describe -t commands 'envreg mkproject commands' commands "$@"
}
(( $+functions[_envreg__subcmd__mv_commands] )) ||
_envreg__subcmd__mv_commands() {
    local commands; commands=()
    _describe -t commands 'envreg mv commands' commands "$@"
}
(( $+functions[_envreg__subcmd__path_commands] )) ||
_envreg__subcmd__path_commands() {
    local commands; commands=()
    _describe -t commands 'envreg path commands' commands "$@"
}
(( $+functions[_envreg__subcmd__python_commands] )) ||
_envreg__subcmd__python_commands() {
    local commands; commands=(
'ls:List the interpreters found on PATH, in pyenv'\''s versions and among uv-managed Pythons, with implementation, version and where each was found' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'envreg python commands' commands "$@"
}
(( $+functions[_envreg__subcmd__python__subcmd__help_commands] )) ||
_envreg__subcmd__python__subcmd__help_commands() {
    local commands; commands=(
'ls:List the interpreters found on PATH, in pyenv'\''s versions and among uv-managed Pythons, with implementation, version and where each was found' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'envreg python help commands' commands "$@"
}
(( $+functions[_envreg__subcmd__python__subcmd__help__subcmd__help_commands] )) ||
_envreg__subcmd__python__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'envreg python help help commands' commands "$@"
}
(( $+functions[_envreg__subcmd__python__subcmd__help__subcmd__ls_commands] )) ||
_envreg__subcmd__python__subcmd__help__subcmd__ls_commands() {
    local commands; commands=()
    _describe -t commands 'envreg python help ls commands' commands "$@"
}
(( $+functions[_envreg__subcmd__python__subcmd__ls_commands] )) ||
_envreg__subcmd__python__subcmd__ls_commands() {
    local commands; commands=()
    _describe -t commands 'envreg python ls commands' commands "$@"
}
(( $+functions[_envreg__subcmd__repair_commands] )) ||
_envreg__subcmd__repair_commands() {
    local commands; commands=()
    _describe -t commands 'envreg repair commands' commands "$@"
}
(( $+functions[_envreg__subcmd__rm_commands] )) ||
_envreg__subcmd__rm_commands() {
    local commands; commands=()
    _describe -t commands 'envreg rm commands' commands "$@"
}
(( $+functions[_envreg__subcmd__run_commands] )) ||
_envreg__subcmd__run_commands() {
    local commands; commands=()
    _describe -t commands 'envreg run commands' commands "$@"
}
(( $+functions[_envreg__subcmd__set_commands] )) ||
_envreg__subcmd__set_commands() {
    local commands; commands=()
    _describe -t commands 'envreg set commands' commands "$@"
}
(( $+functions[_envreg__subcmd__show_commands] )) ||
_envreg__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'envreg show commands' commands "$@"
}
(( $+functions[_envreg__subcmd__unlink_commands] )) ||
_envreg__subcmd__unlink_commands() {
    local commands; commands=()
    _describe -t commands 'envreg unlink commands' commands "$@"
}
(( $+functions[_envreg__subcmd__wipe_commands] )) ||
_envreg__subcmd__wipe_commands() {
    local commands; commands=()
    _describe -t commands 'envreg wipe commands' commands "$@"
}

(( $+functions[_envreg_env_names] )) ||
_envreg_env_names() {
    local -a names
    names=(${(f)"$(command envreg ls --names 2>/dev/null)"})
    compadd -a names
}

if [ "$funcstack[1]" = "_envreg" ]; then
    _envreg "$@"
else
    (( ! $+functions[compdef] )) || compdef _envreg envreg
fi
