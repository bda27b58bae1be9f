# shellcheck shell=bash
# `deactivate` is called without arguments here and with any by the user
# (SC2119, SC2120).
# shellcheck disable=SC2119,SC2120
#
# envreg hook for bash: defines `workon` and its completion. Add this line
# to ~/.bashrc:
#
#     eval "$(envreg init bash)"
#
# which also loads the completion for `envreg` (shell/completions/envreg.bash,
# generated from envreg's command-line definition), or source this file
# (and that one) directly. Sourcing it starts no program; `workon NAME`
# runs `envreg path --workon` once, which prints the environment's directory,
# the global hooks directory, its name and the project directory to change to
# (then the variables of `envreg set --var`, which workon exports and
# deactivate restores): the hook resolves no path
# itself. Safe under
# `set -eu`. Every shell command is called as `\builtin NAME`, so user aliases
# or functions named `builtin`, `command`, `hash`, `unset`, `source`, `local`,
# `printf`, ... do not change what it does; only a user *function* named
# `builtin` cannot be bypassed in bash.

# `workon` is set up in this shell: exported so that envreg (its `mkenv`
# hint) can tell. (shellcheck does not see `\builtin export` as an export.)
# shellcheck disable=SC2034
\builtin export ENVREG_SHELL=bash

# Source FILE (extra arguments become its positional parameters) if it exists.
__envreg_source_if() {
    if [[ -f "$1" ]]; then
        \builtin source "$@"
    fi
}

# The variables of `envreg set --var`: workon exports them after the activate
# script succeeded, and deactivate restores what each was before. The state
# lives in two arrays, gone when nothing is applied: __envreg_var_keys, and
# __envreg_var_olds with "s" + the old value, or "u" for a variable that was
# unset. (Parameter expansion only: no forks.)

# Export the KEY=VALUE lines of $1, remembering what each variable was.
__envreg_set_vars() {
    \builtin local __envreg_rest="$1" __envreg_line __envreg_key
    while [[ -n "${__envreg_rest}" ]]; do
        __envreg_line="${__envreg_rest%%$'\n'*}"
        if [[ "${__envreg_rest}" == *$'\n'* ]]; then
            __envreg_rest="${__envreg_rest#*$'\n'}"
        else
            __envreg_rest=""
        fi
        __envreg_key="${__envreg_line%%=*}"
        __envreg_var_keys+=("${__envreg_key}")
        if [[ -n "${!__envreg_key+x}" ]]; then
            __envreg_var_olds+=("s${!__envreg_key}")
        else
            __envreg_var_olds+=(u)
        fi
        \builtin export "${__envreg_key}=${__envreg_line#*=}"
    done
}

# Give variable $1 the state $2: "s" + a value, or "u" for unset.
__envreg_put_var() {
    if [[ "$2" == u ]]; then
        \builtin unset "$1"
    else
        \builtin export "$1=${2#s}"
    fi
}

# Restore the variables __envreg_set_vars exported, and forget them.
__envreg_restore_vars() {
    [[ -n "${__envreg_var_keys[0]+x}" ]] || return 0
    \builtin local __envreg_i
    for ((__envreg_i = ${#__envreg_var_keys[@]} - 1; __envreg_i >= 0; __envreg_i--)); do
        __envreg_put_var "${__envreg_var_keys[__envreg_i]}" "${__envreg_var_olds[__envreg_i]}"
    done
    \builtin unset __envreg_var_keys __envreg_var_olds
}

# The wrapped `deactivate`: per-env predeactivate, global predeactivate, the
# activate script's own deactivate, then per-env postdeactivate and global
# postdeactivate (virtualenvwrapper's order). The hooks directory is the one
# `workon` was given by envreg. (The file tests are written out, not put in
# a helper: every command on the workon path counts.)
# shellcheck disable=SC2034,SC2317
__envreg_deactivate() {
    \builtin local __envreg_env="${VIRTUAL_ENV-}" __envreg_hooks="${__envreg_hooks_dir-}"
    if [[ -f "${__envreg_env}/bin/predeactivate" ]]; then
        \builtin source "${__envreg_env}/bin/predeactivate"
    fi
    if [[ -n "${__envreg_hooks}" && -f "${__envreg_hooks}/predeactivate" ]]; then
        \builtin source "${__envreg_hooks}/predeactivate"
    fi
    # It also forgets remembered command locations (`hash -r`).
    _envreg_venv_deactivate "$@"
    if [[ "${1-}" != nondestructive ]]; then
        \builtin unset -f _envreg_venv_deactivate deactivate
        \builtin unset __envreg_hooks_dir
        __envreg_restore_vars
    fi
    # What virtualenvwrapper's postdeactivate hooks expect; gone afterwards.
    \builtin local ENVREG_LAST_ENV="${__envreg_env}" VIRTUALENVWRAPPER_LAST_VIRTUALENV="${__envreg_env}"
    if [[ -f "${__envreg_env}/bin/postdeactivate" ]]; then
        \builtin source "${__envreg_env}/bin/postdeactivate"
    fi
    if [[ -n "${__envreg_hooks}" && -f "${__envreg_hooks}/postdeactivate" ]]; then
        \builtin source "${__envreg_hooks}/postdeactivate"
    fi
}

# Source the activate script of the environment in $1 and wrap its
# `deactivate` with the user hooks. envreg's own scripts keep the work in
# `_envreg_venv_deactivate`, so wrapping is redefining `deactivate`; a foreign
# script's `deactivate` is copied under that name first (the only fork).
# Activate scripts run `hash -r` themselves.
__envreg_activate() {
    \builtin unset -f _envreg_venv_deactivate
    \builtin source "$1/bin/activate" || return
    if ! \builtin declare -F _envreg_venv_deactivate >/dev/null; then
        \builtin local def
        def="$(\builtin declare -f deactivate)" || return 0
        \builtin eval "_envreg_venv_deactivate${def#deactivate}"
    fi
    function deactivate {
        __envreg_deactivate "$@"
    }
}

# After a failed activate script: undo what it did, if it got as far as
# defining its deactivate.
__envreg_undo_failed() {
    if \builtin declare -F _envreg_venv_deactivate >/dev/null; then
        _envreg_venv_deactivate
    elif \builtin declare -F deactivate >/dev/null; then
        deactivate
    fi
    \builtin unset -f _envreg_venv_deactivate deactivate
    \builtin hash -r 2>/dev/null || :
}

# workon [-n|-c] [-f] NAME: activate environment NAME in this shell, leaving
# the current one first, and change to its project directory (if it has one;
# -n/--no-cd or ENVREG_WORKON_CD=0 stays, -c/--cd changes even then). NAME `.`
# is the environment whose project holds the current directory. -f/--force
# activates even a broken environment. Bare `workon` lists the names, or
# opens a picker on a terminal. If NAME's activate script fails, the
# environment that was active before is activated again, its variables as
# they were, and workon returns non-zero. `deactivate` does not change back.
workon() {
    \builtin local __envreg_force="" __envreg_cd=""
    while [[ "$#" -gt 0 ]]; do
        case "$1" in
        -n | --no-cd) __envreg_cd=--no-cd ;;
        -c | --cd) __envreg_cd=--cd ;;
        -f | --force) __envreg_force=--force ;;
        --)
            shift
            break
            ;;
        -?*)
            \builtin printf "envreg: workon: unknown option '%s' (workon [-n|-c] [-f] NAME)\n" "$1" >&2
            return 2
            ;;
        *) break ;;
        esac
        shift
    done
    if [[ -z "${__envreg_cd}" && "${ENVREG_WORKON_CD-}" == 0 ]]; then
        __envreg_cd=--no-cd
    fi
    if [[ "$#" -ne 1 ]]; then
        if [[ "$#" -gt 1 ]]; then
            \builtin printf 'envreg: workon takes one environment name, not %s arguments\n' "$#" >&2
            return 2
        fi
        # The picker only when this function's stdin, stdout and stderr are
        # all terminals; `workon | grep x` or `workon > file` lists the names.
        # Cancelling it (status 1 for Esc or Ctrl-D, 130 for Ctrl-C) prints
        # nothing.
        if [[ -t 0 && -t 1 && -t 2 ]]; then
            \builtin local __envreg_pick
            __envreg_pick="$(\builtin command envreg pick)" || return
            [[ -n "${__envreg_pick}" ]] || return 1
            workon ${__envreg_force:+"${__envreg_force}"} ${__envreg_cd:+"${__envreg_cd}"} -- "${__envreg_pick}"
            return
        fi
        \builtin command envreg ls --names
        return
    fi
    # What to go back to if NAME's activate script fails: the environment
    # activated with a `deactivate`, or one inherited from the parent shell.
    \builtin local __envreg_out __envreg_dir __envreg_hooks __envreg_name __envreg_project \
        __envreg_vars="" __envreg_prev="" \
        __envreg_prev_hooks="${__envreg_hooks_dir-}" __envreg_inherited="" \
        __envreg_old_path="${PATH-}" __envreg_old_prompt="" __envreg_i
    # The active environment's variables: which, what they were before it,
    # and what they are now (for a failed switch to put back).
    \builtin local -a __envreg_keep_keys __envreg_keep_olds __envreg_keep_now
    __envreg_keep_keys=() __envreg_keep_olds=() __envreg_keep_now=()
    # `$(\command envreg ...)` runs envreg in the subshell itself; `\builtin
    # command` would fork once more, so it is used only when a user function
    # named `command` is there to be bypassed.
    if \builtin declare -F command >/dev/null; then
        __envreg_out="$(\builtin command envreg path --workon ${__envreg_force:+"${__envreg_force}"} ${__envreg_cd:+"${__envreg_cd}"} -- "$1")" || return
    else
        __envreg_out="$(\command envreg path --workon ${__envreg_force:+"${__envreg_force}"} ${__envreg_cd:+"${__envreg_cd}"} -- "$1")" || return
    fi
    # The environment's directory, the hooks directory, its name (NAME may be
    # `.`), the project directory to change to (empty: stay), then KEY=VALUE
    # lines. `$(...)` dropped the last line breaks: one is put back, so that
    # every line ends with one.
    __envreg_out="${__envreg_out}"$'\n'
    __envreg_dir="${__envreg_out%%$'\n'*}"
    __envreg_out="${__envreg_out#*$'\n'}"
    __envreg_hooks="${__envreg_out%%$'\n'*}"
    __envreg_out="${__envreg_out#*$'\n'}"
    __envreg_name="${__envreg_out%%$'\n'*}"
    __envreg_out="${__envreg_out#*$'\n'}"
    __envreg_project="${__envreg_out%%$'\n'*}"
    __envreg_vars="${__envreg_out#*$'\n'}"
    \builtin set -- "${__envreg_name}"
    if [[ ! -f "${__envreg_dir}/bin/activate" || ! -r "${__envreg_dir}/bin/activate" ]]; then
        \builtin printf "envreg: environment '%s' has no readable activation script at %s; check it with 'envreg show %s'\n" \
            "$1" "${__envreg_dir}/bin/activate" "$1" >&2
        return 1
    fi
    if \builtin declare -F deactivate >/dev/null; then
        __envreg_prev="${VIRTUAL_ENV-}"
        if [[ -n "${__envreg_var_keys[0]+x}" ]]; then
            __envreg_keep_keys=("${__envreg_var_keys[@]}")
            __envreg_keep_olds=("${__envreg_var_olds[@]}")
            for __envreg_i in "${__envreg_var_keys[@]}"; do
                if [[ -n "${!__envreg_i+x}" ]]; then
                    __envreg_keep_now+=("s${!__envreg_i}")
                else
                    __envreg_keep_now+=(u)
                fi
            done
        fi
        deactivate
    elif [[ -n "${VIRTUAL_ENV-}" ]]; then
        __envreg_inherited="${VIRTUAL_ENV}"
        __envreg_old_prompt="${VIRTUAL_ENV_PROMPT-}"
        __envreg_drop_inherited
    fi
    __envreg_hooks_dir="${__envreg_hooks}"
    # preactivate hooks are run as programs (virtualenvwrapper's way).
    if [[ -f "${__envreg_hooks}/preactivate" && -x "${__envreg_hooks}/preactivate" ]]; then
        "${__envreg_hooks}/preactivate" "$1"
    fi
    if [[ -f "${__envreg_dir}/bin/preactivate" && -x "${__envreg_dir}/bin/preactivate" ]]; then
        "${__envreg_dir}/bin/preactivate" "$1"
    fi
    if ! __envreg_activate "${__envreg_dir}"; then
        __envreg_undo_failed
        \builtin unset __envreg_hooks_dir
        if [[ -n "${__envreg_prev}" ]] && __envreg_activate "${__envreg_prev}"; then
            __envreg_hooks_dir="${__envreg_prev_hooks:-${__envreg_hooks}}"
            for ((__envreg_i = 0; __envreg_i < ${#__envreg_keep_keys[@]}; __envreg_i++)); do
                __envreg_var_keys+=("${__envreg_keep_keys[__envreg_i]}")
                __envreg_var_olds+=("${__envreg_keep_olds[__envreg_i]}")
                __envreg_put_var "${__envreg_keep_keys[__envreg_i]}" "${__envreg_keep_now[__envreg_i]}"
            done
            __envreg_source_if "${__envreg_hooks_dir}/postactivate"
            __envreg_source_if "${__envreg_prev}/bin/postactivate"
            \builtin printf "envreg: activating '%s' failed in %s; %s is active again\n" \
                "$1" "${__envreg_dir}/bin/activate" "${__envreg_prev}" >&2
        elif [[ -n "${__envreg_inherited}" ]]; then
            PATH="${__envreg_old_path}"
            \builtin export VIRTUAL_ENV="${__envreg_inherited}" VIRTUAL_ENV_PROMPT="${__envreg_old_prompt}"
            \builtin hash -r 2>/dev/null || :
            \builtin printf "envreg: activating '%s' failed in %s; %s is active again\n" \
                "$1" "${__envreg_dir}/bin/activate" "${__envreg_inherited}" >&2
        elif [[ -n "${__envreg_prev}" ]]; then
            \builtin printf "envreg: activating '%s' failed in %s, and %s could not be activated again; no environment is active\n" \
                "$1" "${__envreg_dir}/bin/activate" "${__envreg_prev}" >&2
        else
            \builtin printf "envreg: activating '%s' failed in %s\n" \
                "$1" "${__envreg_dir}/bin/activate" >&2
        fi
        return 1
    fi
    __envreg_set_vars "${__envreg_vars}"
    # Into the project before the postactivate hooks (a hook may go on from there).
    if [[ -n "${__envreg_project}" ]]; then
        \builtin cd -- "${__envreg_project}" ||
            \builtin printf "envreg: '%s' is active, but changing to its project %s failed\n" \
                "$1" "${__envreg_project}" >&2
    fi
    if [[ -f "${__envreg_hooks}/postactivate" ]]; then
        \builtin source "${__envreg_hooks}/postactivate"
    fi
    if [[ -f "${__envreg_dir}/bin/postactivate" ]]; then
        \builtin source "${__envreg_dir}/bin/postactivate"
    fi
}

# A shell started inside an activated environment inherits VIRTUAL_ENV and
# PATH but not the `deactivate` function: drop that environment by hand.
__envreg_drop_inherited() {
    \builtin local bin="${VIRTUAL_ENV}/bin" path=":${PATH}:"
    while [[ "${path}" == *":${bin}:"* ]]; do
        path="${path/":${bin}:"/:}"
    done
    path="${path#:}"
    PATH="${path%:}"
    \builtin unset VIRTUAL_ENV VIRTUAL_ENV_PROMPT
}

# Fill COMPREPLY with the words of $1 that start with $2.
__envreg_reply() {
    COMPREPLY=()
    \builtin local word
    while IFS= \builtin read -r word; do
        COMPREPLY+=("${word}")
    done < <(\builtin compgen -W "$1" -- "$2")
}

# workon's options, then one name (only options before it).
__envreg_complete_workon() {
    \builtin local cur="${COMP_WORDS[COMP_CWORD]-}" i
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        [[ "${COMP_WORDS[i]}" == -* && "${COMP_WORDS[i]}" != -- ]] || return 0
    done
    if [[ "${cur}" == -* ]]; then
        __envreg_reply "-n --no-cd -c --cd -f --force" "${cur}"
    else
        __envreg_reply "$(\builtin command envreg ls --names 2>/dev/null)" "${cur}"
    fi
}

\builtin complete -F __envreg_complete_workon workon
