# Activate the envreg environment __ENVREG_PROMPT__ in the current shell.
#
# This file must be sourced, not executed:
#     . __ENVREG_VENV_DIR__/__ENVREG_BIN_NAME__/activate
# It works in bash, zsh, dash and other POSIX shells, also under `set -eu`
# and when sourced from inside a function. Leave with `deactivate`.
#
# shellcheck shell=sh
# BASH_SOURCE is read only in bash (SC3028); inserted values are single-quoted
# on purpose, to keep any quote, $ or backtick in them literal (SC2016,
# SC2089, SC2090).
# shellcheck disable=SC3028,SC2016,SC2089,SC2090

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
# `nondestructive` the function itself is kept (used when re-activating).
deactivate () {
    if [ -n "${_OLD_VIRTUAL_PATH+set}" ]; then
        PATH=${_OLD_VIRTUAL_PATH}
        export PATH
        unset _OLD_VIRTUAL_PATH
    fi
    if [ -n "${_OLD_VIRTUAL_PYTHONHOME+set}" ]; then
        PYTHONHOME=${_OLD_VIRTUAL_PYTHONHOME}
        export PYTHONHOME
        unset _OLD_VIRTUAL_PYTHONHOME
    fi
    if [ -n "${_OLD_VIRTUAL_PS1+set}" ]; then
        PS1=${_OLD_VIRTUAL_PS1}
        unset _OLD_VIRTUAL_PS1
    elif [ -n "${_ENVREG_PS1_WAS_UNSET-}" ]; then
        unset PS1
    fi
    unset _ENVREG_PS1_WAS_UNSET
    unset VIRTUAL_ENV VIRTUAL_ENV_PROMPT
    # Forget remembered command locations; fails harmlessly under `set +h`.
    \hash -r 2>/dev/null || true
    if [ "${1-}" != nondestructive ]; then
        unset -f deactivate
    fi
    return 0
}

# Leave whatever environment was active before (keeping our deactivate).
deactivate nondestructive

VIRTUAL_ENV=__ENVREG_VENV_DIR__
# Git Bash, MSYS2 and Cygwin want a POSIX path in PATH.
case "${OSTYPE-}" in
    cygwin* | msys*)
        if command -v cygpath >/dev/null 2>&1; then
            VIRTUAL_ENV=$(cygpath -u "${VIRTUAL_ENV}")
        fi
        ;;
    *) ;;
esac
export VIRTUAL_ENV

_OLD_VIRTUAL_PATH=${PATH-}
PATH="${VIRTUAL_ENV}/"__ENVREG_BIN_NAME__"${PATH:+:${PATH}}"
export PATH

# PYTHONHOME would stop python from finding pyvenv.cfg.
if [ -n "${PYTHONHOME+set}" ]; then
    _OLD_VIRTUAL_PYTHONHOME=${PYTHONHOME}
    unset PYTHONHOME
fi

VIRTUAL_ENV_PROMPT=__ENVREG_PROMPT__
export VIRTUAL_ENV_PROMPT

if [ -z "${VIRTUAL_ENV_DISABLE_PROMPT-}" ]; then
    if [ -n "${PS1+set}" ]; then
        _OLD_VIRTUAL_PS1=${PS1}
    else
        _ENVREG_PS1_WAS_UNSET=1
    fi
    PS1="(${VIRTUAL_ENV_PROMPT}) ${PS1-}"
fi

\hash -r 2>/dev/null || true
