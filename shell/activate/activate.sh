# Activate the envreg environment __ENVREG_PROMPT__ in the current shell.
#
# This file must be sourced, not executed:
#     . __ENVREG_VENV_DIR__/__ENVREG_BIN_NAME__/activate
# It works in bash, zsh, dash and other POSIX shells, also under `set -eu`
# and when sourced from inside a function. Leave with `deactivate`.
#
# User aliases and functions named like the commands used here (unset,
# export, hash, command) are skipped: in bash and zsh every such command runs
# as `builtin NAME` (through $_envreg_b, set to `builtin` there and to nothing
# elsewhere); other POSIX shells find these special builtins before functions.
# A user *function* named `builtin` cannot be skipped in bash or zsh.
#
# shellcheck shell=sh
# BASH_SOURCE is read only in bash (SC3028); inserted values are single-quoted
# on purpose, to keep any quote, $ or backtick in them literal (SC2016,
# SC2089, SC2090); ${_envreg_b} must vanish when empty, so it is unquoted
# (SC2086); `[[ -o ... ]]` and `shopt` run only in zsh and bash (SC3010,
# SC3044). In this template, a quoted placeholder stands next to
# a double-quoted string (SC2140) and PATH is assigned on purpose (SC2123).
# shellcheck disable=SC3028,SC2016,SC2089,SC2090,SC2086,SC3010,SC3044,SC2140,SC2123

if [ -n "${BASH_VERSION-}" ] && [ "${BASH_SOURCE-}" = "$0" ]; then
    echo "activate: this script must be sourced, not run: use '. $0'" >&2
    exit 1
fi
if [ "${ZSH_EVAL_CONTEXT-}" = toplevel ]; then
    echo "activate: this script must be sourced, not run: use '. $0'" >&2
    exit 1
fi

# Undo this activation: put back PATH, PYTHONHOME and PS1 exactly as they
# were (set, empty or unset) and forget the environment. With the argument
# `nondestructive` the functions themselves are kept (used when
# re-activating). The work is done under a second name so that envreg's
# `workon` can wrap `deactivate` by redefining it, without copying this body.
_envreg_venv_deactivate () {
    if [ -n "${BASH_VERSION-}${ZSH_VERSION-}" ]; then _envreg_b=builtin; else _envreg_b=; fi
    if [ -n "${_OLD_VIRTUAL_PATH+set}" ]; then
        PATH=${_OLD_VIRTUAL_PATH}
        ${_envreg_b} export PATH
        ${_envreg_b} unset _OLD_VIRTUAL_PATH
    fi
    if [ -n "${_OLD_VIRTUAL_PYTHONHOME+set}" ]; then
        PYTHONHOME=${_OLD_VIRTUAL_PYTHONHOME}
        ${_envreg_b} export PYTHONHOME
        ${_envreg_b} unset _OLD_VIRTUAL_PYTHONHOME
    fi
    if [ -n "${_OLD_VIRTUAL_PS1+set}" ]; then
        PS1=${_OLD_VIRTUAL_PS1}
        ${_envreg_b} unset _OLD_VIRTUAL_PS1
    elif [ -n "${_ENVREG_PS1_WAS_UNSET-}" ]; then
        ${_envreg_b} unset PS1
    fi
    ${_envreg_b} unset _ENVREG_PS1_WAS_UNSET
    ${_envreg_b} unset VIRTUAL_ENV VIRTUAL_ENV_PROMPT
    # Forget remembered command locations; fails harmlessly under `set +h`.
    ${_envreg_b} hash -r 2>/dev/null || :
    if [ "${1-}" != nondestructive ]; then
        ${_envreg_b} unset -f deactivate _envreg_venv_deactivate
    fi
    ${_envreg_b} unset _envreg_b
    return 0
}

deactivate () {
    _envreg_venv_deactivate "$@"
}

# Leave whatever environment was active before (keeping our deactivate).
deactivate nondestructive

if [ -n "${BASH_VERSION-}${ZSH_VERSION-}" ]; then _envreg_b=builtin; else _envreg_b=; fi

VIRTUAL_ENV=__ENVREG_VENV_DIR__
# Git Bash, MSYS2 and Cygwin want a POSIX path in PATH.
case "${OSTYPE-}" in
    cygwin* | msys*)
        if ${_envreg_b} command -v cygpath >/dev/null 2>&1; then
            VIRTUAL_ENV=$(cygpath -u "${VIRTUAL_ENV}")
        fi
        ;;
    *) ;;
esac
${_envreg_b} export VIRTUAL_ENV

_OLD_VIRTUAL_PATH=${PATH-}
PATH="${VIRTUAL_ENV}/"__ENVREG_BIN_NAME__"${PATH:+:${PATH}}"
${_envreg_b} export PATH

# PYTHONHOME would stop python from finding pyvenv.cfg.
if [ -n "${PYTHONHOME+set}" ]; then
    _OLD_VIRTUAL_PYTHONHOME=${PYTHONHOME}
    ${_envreg_b} unset PYTHONHOME
fi

VIRTUAL_ENV_PROMPT=__ENVREG_PROMPT__
${_envreg_b} export VIRTUAL_ENV_PROMPT

# The prompt text is shown literally, never run: a prompt such as
# '$(cmd)' or '`cmd`' must not execute when the prompt is drawn.
# - zsh with PROMPT_SUBST and POSIX shells that expand PS1 (bash with
#   promptvars, the default; dash, ksh): PS1 refers to the variable, and what
#   an expansion yields is not expanded again. zsh then reads `%` sequences
#   in that result, so each `%` is doubled there.
# - zsh without PROMPT_SUBST: the text itself, each `%` doubled.
# - bash without promptvars: the text itself, each `\` doubled.
if [ -z "${VIRTUAL_ENV_DISABLE_PROMPT-}" ]; then
    if [ -n "${PS1+set}" ]; then
        _OLD_VIRTUAL_PS1=${PS1}
    else
        _ENVREG_PS1_WAS_UNSET=1
    fi
    if [ -n "${ZSH_VERSION-}" ]; then
        if [[ -o promptsubst ]]; then
            PS1='(${${VIRTUAL_ENV_PROMPT-}//\%/%%}) '"${PS1-}"
        else
            PS1="("__ENVREG_PROMPT_ZSH__") ${PS1-}"
        fi
    elif [ -n "${BASH_VERSION-}" ] && ! ${_envreg_b} shopt -q promptvars; then
        PS1="("__ENVREG_PROMPT_BASH__") ${PS1-}"
    else
        PS1='(${VIRTUAL_ENV_PROMPT-}) '"${PS1-}"
    fi
fi

${_envreg_b} hash -r 2>/dev/null || :
${_envreg_b} unset _envreg_b
