# shellcheck shell=bash disable=SC2296,SC2004
#
# envreg auto-activation for zsh, appended to the hook by
# `envreg init zsh --auto`. When $PWD enters a directory bound to an
# environment through envreg (`envreg set --project`, `mkenv --project`,
# `envreg link`) the hook runs `workon NAME`; when it leaves, `deactivate`.
# An environment activated by hand is left alone. Nothing in the directory
# is trusted: the bindings come only from envreg's own file
# ENVREG_HOME/projects (`DIR<TAB>NAME` lines, longest DIR first).
#
# It runs from `chpwd_functions`, so a prompt costs nothing; a cd within
# the current bound directory runs a prefix test; only another directory
# reads the projects file, with the builtin `read`. No program is started
# unless the environment changes (workon runs envreg). It also runs once
# when loaded, for a shell that starts in a bound directory.

# The $PWD last looked at, the bound directory it is in, the environment
# the hook activated, and $VIRTUAL_ENV right after (to tell a hand change).
__envreg_auto_pwd="" __envreg_auto_root="" __envreg_auto_env="" __envreg_auto_venv=""

# The projects file, where envreg keeps it (as src/home.rs decides).
__envreg_auto_file() {
    \builtin emulate -L zsh
    if [[ -n "${ENVREG_HOME-}" ]]; then
        __envreg_auto_path="${ENVREG_HOME}/projects"
    elif [[ "${XDG_DATA_HOME-}" == /* ]]; then
        __envreg_auto_path="${XDG_DATA_HOME}/envreg/projects"
    else
        __envreg_auto_path="${HOME-}/.local/share/envreg/projects"
    fi
}

# Activate or deactivate for the current $PWD.
__envreg_auto_check() {
    \builtin emulate -L zsh
    if [[ -n "${__envreg_auto_root}" && ("${PWD}" == "${__envreg_auto_root}" || "${PWD}" == "${__envreg_auto_root}/"*) ]]; then
        return 0
    fi
    \builtin local __envreg_auto_path __envreg_d __envreg_n __envreg_root="" __envreg_name=""
    __envreg_auto_file
    if [[ -f "${__envreg_auto_path}" && -r "${__envreg_auto_path}" ]]; then
        while IFS=$'\t' \builtin read -r __envreg_d __envreg_n; do
            if [[ -n "${__envreg_n}" && ("${PWD}" == "${__envreg_d}" || "${PWD}" == "${__envreg_d}/"*) ]]; then
                __envreg_root="${__envreg_d}" __envreg_name="${__envreg_n}"
                break
            fi
        done <"${__envreg_auto_path}"
    fi
    __envreg_auto_root="${__envreg_root}"
    # The environment the hook activated was deactivated or replaced by hand.
    if [[ -n "${__envreg_auto_env}" && "${VIRTUAL_ENV-}" != "${__envreg_auto_venv}" ]]; then
        __envreg_auto_env="" __envreg_auto_venv=""
    fi
    if [[ -n "${__envreg_name}" ]]; then
        if [[ "${__envreg_name}" == "${__envreg_auto_env}" ]]; then
            return 0
        fi
        # Activated by hand: not the hook's to change.
        if [[ -n "${VIRTUAL_ENV-}" && -z "${__envreg_auto_env}" ]]; then
            return 0
        fi
        # ENVREG_WORKON_CD=0: activate only, no cd to the project (workon -n).
        if ENVREG_WORKON_CD=0 workon "${__envreg_name}"; then
            __envreg_auto_env="${__envreg_name}" __envreg_auto_venv="${VIRTUAL_ENV-}"
        fi
    elif [[ -n "${__envreg_auto_env}" ]]; then
        __envreg_auto_env="" __envreg_auto_venv=""
        if (( ${+functions[deactivate]} )); then
            deactivate
        fi
    fi
}

(( ${+chpwd_functions} )) || chpwd_functions=()
if (( ! ${chpwd_functions[(Ie)__envreg_auto_check]} )); then
    chpwd_functions+=(__envreg_auto_check)
fi
__envreg_auto_check
