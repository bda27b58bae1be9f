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
'-p+[Interpreter\: a path, a command name (python3.12, pypy3) or a version (3, 3.12, 3.12.1)]:SPEC:_default' \
'--python=[Interpreter\: a path, a command name (python3.12, pypy3) or a version (3, 3.12, 3.12.1)]:SPEC:_default' \
'*-i+[Install PKG with the new environment'\''s pip (repeatable)]:PKG:_default' \
'*--install=[Install PKG with the new environment'\''s pip (repeatable)]:PKG:_default' \
'*-r+[Install the requirements in FILE with the new environment'\''s pip]:FILE:_files' \
'*--requirement=[Install the requirements in FILE with the new environment'\''s pip]:FILE:_files' \
'--project=[Project directory to associate with the environment]:DIR:_files' \
'--prompt=[Prompt prefix shown while the environment is active (default\: the name)]:TEXT:_default' \
'--no-pip[Do not install pip (and, for Python < 3.12, setuptools) into the environment]' \
'--system-site-packages[Give the environment access to the base interpreter'\''s site-packages]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the new environment (\[A-Za-z0-9\]\[A-Za-z0-9._+-\]*, at most 64 characters):_default' \
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
'-y[Do not ask for confirmation]' \
'--yes[Do not ask for confirmation]' \
'--force[Remove the environment even if it is the active one (\$VIRTUAL_ENV)]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Names of the environments to remove:_envreg_env_names' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'--json[Print JSON instead of text]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_envreg_env_names' \
&& ret=0
;;
(path)
_arguments "${_arguments_options[@]}" : \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_envreg_env_names' \
&& ret=0
;;
(init)
_arguments "${_arguments_options[@]}" : \
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
':name:_envreg_env_names' \
&& ret=0
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
(ls)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(rm)
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
(init)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(activate)
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
}

(( $+functions[_envreg_commands] )) ||
_envreg_commands() {
    local commands; commands=(
'mkenv:Create and register a new environment' \
'ls:List the registered environments' \
'rm:Remove environments (asks first on a terminal)' \
'show:Show everything the registry knows about one environment' \
'path:Print an environment'\''s directory' \
'init:Print the shell hook that defines \`workon\` for SHELL.' \
'activate:Print the command that activates NAME in your shell (for use without the hook)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'envreg commands' commands "$@"
}
(( $+functions[_envreg__subcmd__activate_commands] )) ||
_envreg__subcmd__activate_commands() {
    local commands; commands=()
    _describe -t commands 'envreg activate commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help_commands] )) ||
_envreg__subcmd__help_commands() {
    local commands; commands=(
'mkenv:Create and register a new environment' \
'ls:List the registered environments' \
'rm:Remove environments (asks first on a terminal)' \
'show:Show everything the registry knows about one environment' \
'path:Print an environment'\''s directory' \
'init:Print the shell hook that defines \`workon\` for SHELL.' \
'activate:Print the command that activates NAME in your shell (for use without the hook)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'envreg help commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__activate_commands] )) ||
_envreg__subcmd__help__subcmd__activate_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help activate commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__help_commands] )) ||
_envreg__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help help commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__init_commands] )) ||
_envreg__subcmd__help__subcmd__init_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help init commands' commands "$@"
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
(( $+functions[_envreg__subcmd__help__subcmd__path_commands] )) ||
_envreg__subcmd__help__subcmd__path_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help path commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__rm_commands] )) ||
_envreg__subcmd__help__subcmd__rm_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help rm commands' commands "$@"
}
(( $+functions[_envreg__subcmd__help__subcmd__show_commands] )) ||
_envreg__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'envreg help show commands' commands "$@"
}
(( $+functions[_envreg__subcmd__init_commands] )) ||
_envreg__subcmd__init_commands() {
    local commands; commands=()
    _describe -t commands 'envreg init commands' commands "$@"
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
(( $+functions[_envreg__subcmd__path_commands] )) ||
_envreg__subcmd__path_commands() {
    local commands; commands=()
    _describe -t commands 'envreg path commands' commands "$@"
}
(( $+functions[_envreg__subcmd__rm_commands] )) ||
_envreg__subcmd__rm_commands() {
    local commands; commands=()
    _describe -t commands 'envreg rm commands' commands "$@"
}
(( $+functions[_envreg__subcmd__show_commands] )) ||
_envreg__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'envreg show commands' commands "$@"
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
