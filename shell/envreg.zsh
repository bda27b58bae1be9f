# shellcheck shell=bash disable=SC2296,SC2298,SC2299
#
# envreg hook for zsh: defines `workon` and completion for `workon` and
# `envreg`. Add this line to ~/.zshrc (after `compinit`, if you use it):
#
#     eval "$(envreg init zsh)"
#
# or source this file directly. Sourcing it starts no program; `workon NAME`
# runs `envreg path` once. Without compinit there is simply no completion.

# Source FILE (extra arguments become its positional parameters) if it exists.
__envreg_source_if() {
    if [[ -f "$1" ]]; then
        \builtin source "$@"
    fi
}

# Run FILE as a program with the given arguments if it is executable
# (virtualenvwrapper runs its preactivate hooks this way).
__envreg_run_if() {
    if [[ -f "$1" && -x "$1" ]]; then
        "$@"
    fi
}

# A shell started inside an activated environment inherits VIRTUAL_ENV and
# PATH but not the `deactivate` function: drop that environment by hand.
__envreg_drop_inherited() {
    \builtin emulate -L zsh
    \builtin local bin="${VIRTUAL_ENV}/bin"
    path=("${(@)path:#${bin}}")
    \builtin unset VIRTUAL_ENV VIRTUAL_ENV_PROMPT
}

# Rename the activate script's `deactivate` and wrap it with the user hooks.
__envreg_wrap_deactivate() {
    (( ${+functions[deactivate]} )) || return 0
    functions[__envreg_venv_deactivate]="${functions[deactivate]}"
    functions[deactivate]='__envreg_deactivate "$@"'
}

# The wrapped `deactivate`: per-env predeactivate, global predeactivate, the
# activate script's own deactivate, then per-env postdeactivate and global
# postdeactivate (virtualenvwrapper's order).
__envreg_deactivate() {
    \builtin local __envreg_env="${VIRTUAL_ENV-}"
    \builtin local __envreg_hooks="${ENVREG_HOME:-${XDG_DATA_HOME:-${HOME-}/.local/share}/envreg}/hooks"
    __envreg_source_if "${__envreg_env}/bin/predeactivate"
    __envreg_source_if "${__envreg_hooks}/predeactivate"
    __envreg_venv_deactivate "$@"
    if [[ "${1-}" != nondestructive ]]; then
        \builtin unfunction __envreg_venv_deactivate deactivate 2>/dev/null || :
    fi
    \builtin rehash
    # What virtualenvwrapper's postdeactivate hooks expect; gone afterwards.
    \builtin local ENVREG_LAST_ENV="${__envreg_env}"
    \builtin local VIRTUALENVWRAPPER_LAST_VIRTUALENV="${__envreg_env}"
    __envreg_source_if "${__envreg_env}/bin/postdeactivate"
    __envreg_source_if "${__envreg_hooks}/postdeactivate"
}

# workon NAME: activate environment NAME in this shell, leaving the current
# one first. Bare `workon` lists the names, or opens a picker on a terminal.
workon() {
    if [[ "$#" -eq 0 ]]; then
        if [[ -t 0 && -t 2 ]]; then
            \builtin local __envreg_pick
            __envreg_pick="$(\builtin command envreg pick)" || return 1
            [[ -n "${__envreg_pick}" ]] || return 1
            workon "${__envreg_pick}"
            return
        fi
        \builtin command envreg ls --names
        return
    fi
    if [[ "$#" -gt 1 ]]; then
        \builtin printf 'envreg: workon takes one environment name, not %s arguments\n' "$#" >&2
        return 2
    fi
    \builtin local __envreg_dir
    __envreg_dir="$(\builtin command envreg path --touch -- "$1")" || return
    if [[ ! -f "${__envreg_dir}/bin/activate" ]]; then
        \builtin printf "envreg: environment '%s' has no activation script at %s; check it with 'envreg show %s'\n" \
            "$1" "${__envreg_dir}/bin/activate" "$1" >&2
        return 1
    fi
    if (( ${+functions[deactivate]} )); then
        deactivate
    elif [[ -n "${VIRTUAL_ENV-}" ]]; then
        __envreg_drop_inherited
    fi
    \builtin local __envreg_hooks="${ENVREG_HOME:-${XDG_DATA_HOME:-${HOME-}/.local/share}/envreg}/hooks"
    __envreg_run_if "${__envreg_hooks}/preactivate" "$1"
    __envreg_run_if "${__envreg_dir}/bin/preactivate" "$1"
    \builtin source "${__envreg_dir}/bin/activate" || return
    \builtin rehash
    __envreg_wrap_deactivate
    __envreg_source_if "${__envreg_hooks}/postactivate"
    __envreg_source_if "${__envreg_dir}/bin/postactivate"
}

# Completion (needs compinit; without it nothing is registered).
_envreg_workon() {
    \builtin local -a names
    names=("${(@f)$(\builtin command envreg ls --names 2>/dev/null)}")
    (( CURRENT == 2 )) && compadd -a names
}

_envreg() {
    \builtin local -a words_
    if (( CURRENT == 2 )); then
        words_=(mkenv ls rm show path init activate help)
        compadd -a words_
        return
    fi
    case "${words[2]}" in
    rm | show | path | activate)
        words_=("${(@f)$(\builtin command envreg ls --names 2>/dev/null)}")
        compadd -a words_ ;;
    init)
        words_=(bash zsh fish tcsh xonsh nu powershell)
        compadd -a words_ ;;
    *)
        _files ;;
    esac
}

if (( ${+functions[compdef]} )); then
    compdef _envreg_workon workon
    compdef _envreg envreg
fi
