# shellcheck shell=bash
#
# envreg hook for bash: defines `workon` and completion for `workon` and
# `envreg`. Add this line to ~/.bashrc:
#
#     eval "$(envreg init bash)"
#
# or source this file directly. Sourcing it starts no program; `workon NAME`
# runs `envreg path` once. Safe under `set -eu` and against user aliases or
# functions named like the commands it uses (`\builtin`).

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
    local bin="${VIRTUAL_ENV}/bin" path=":${PATH}:"
    while [[ "${path}" == *":${bin}:"* ]]; do
        path="${path/":${bin}:"/:}"
    done
    path="${path#:}"
    PATH="${path%:}"
    \builtin unset VIRTUAL_ENV VIRTUAL_ENV_PROMPT
}

# Rename the activate script's `deactivate` and wrap it with the user hooks.
__envreg_wrap_deactivate() {
    local def
    def="$(\builtin declare -f deactivate)" || return 0
    \builtin eval "__envreg_venv_deactivate${def#deactivate}"
    \builtin eval 'deactivate() { __envreg_deactivate "$@"; }'
}

# The wrapped `deactivate`: per-env predeactivate, global predeactivate, the
# activate script's own deactivate, then per-env postdeactivate and global
# postdeactivate (virtualenvwrapper's order).
# shellcheck disable=SC2034,SC2317
__envreg_deactivate() {
    local __envreg_env="${VIRTUAL_ENV-}"
    local __envreg_hooks="${ENVREG_HOME:-${XDG_DATA_HOME:-${HOME-}/.local/share}/envreg}/hooks"
    __envreg_source_if "${__envreg_env}/bin/predeactivate"
    __envreg_source_if "${__envreg_hooks}/predeactivate"
    __envreg_venv_deactivate "$@"
    if [[ "${1-}" != nondestructive ]]; then
        \builtin unset -f __envreg_venv_deactivate deactivate
    fi
    \builtin hash -r 2>/dev/null || :
    # What virtualenvwrapper's postdeactivate hooks expect; gone afterwards.
    local ENVREG_LAST_ENV="${__envreg_env}"
    local VIRTUALENVWRAPPER_LAST_VIRTUALENV="${__envreg_env}"
    __envreg_source_if "${__envreg_env}/bin/postdeactivate"
    __envreg_source_if "${__envreg_hooks}/postdeactivate"
}

# workon NAME: activate environment NAME in this shell, leaving the current
# one first. Bare `workon` lists the names, or opens a picker on a terminal.
workon() {
    if [[ "$#" -eq 0 ]]; then
        if [[ -t 0 && -t 2 ]]; then
            local __envreg_pick
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
    local __envreg_dir
    __envreg_dir="$(\builtin command envreg path --touch -- "$1")" || return
    if [[ ! -f "${__envreg_dir}/bin/activate" ]]; then
        \builtin printf "envreg: environment '%s' has no activation script at %s; check it with 'envreg show %s'\n" \
            "$1" "${__envreg_dir}/bin/activate" "$1" >&2
        return 1
    fi
    if \builtin declare -F deactivate >/dev/null; then
        deactivate
    elif [[ -n "${VIRTUAL_ENV-}" ]]; then
        __envreg_drop_inherited
    fi
    local __envreg_hooks="${ENVREG_HOME:-${XDG_DATA_HOME:-${HOME-}/.local/share}/envreg}/hooks"
    __envreg_run_if "${__envreg_hooks}/preactivate" "$1"
    __envreg_run_if "${__envreg_dir}/bin/preactivate" "$1"
    \builtin source "${__envreg_dir}/bin/activate" || return
    \builtin hash -r 2>/dev/null || :
    __envreg_wrap_deactivate
    __envreg_source_if "${__envreg_hooks}/postactivate"
    __envreg_source_if "${__envreg_dir}/bin/postactivate"
}

# Fill COMPREPLY with the words of $1 that start with $2.
__envreg_reply() {
    COMPREPLY=()
    local word
    while IFS= \builtin read -r word; do
        COMPREPLY+=("${word}")
    done < <(\builtin compgen -W "$1" -- "$2")
}

__envreg_complete_workon() {
    if [[ "${COMP_CWORD}" -eq 1 ]]; then
        __envreg_reply "$(\builtin command envreg ls --names 2>/dev/null)" "${COMP_WORDS[COMP_CWORD]-}"
    else
        COMPREPLY=()
    fi
}

__envreg_complete_envreg() {
    local cur="${COMP_WORDS[COMP_CWORD]-}"
    if [[ "${COMP_CWORD}" -eq 1 ]]; then
        __envreg_reply "mkenv ls rm show path init activate help" "${cur}"
        return
    fi
    case "${COMP_WORDS[1]-}" in
    rm | show | path | activate)
        __envreg_reply "$(\builtin command envreg ls --names 2>/dev/null)" "${cur}" ;;
    init)
        __envreg_reply "bash zsh fish tcsh xonsh nu powershell" "${cur}" ;;
    *)
        COMPREPLY=() ;;
    esac
}

\builtin complete -F __envreg_complete_workon workon
\builtin complete -o default -F __envreg_complete_envreg envreg
