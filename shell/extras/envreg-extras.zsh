# shellcheck shell=bash disable=SC2296
#
# envreg extras for zsh, printed by `envreg init zsh` after the main hook
# (which defines `workon`): virtualenvwrapper's mktmpenv, cdvirtualenv,
# cdsitepackages, lssitepackages, cdproject and mkproject. Can be sourced
# directly after the hook.

# The message every helper gives when no environment is active.
__envreg_no_env() {
    \builtin printf "envreg: no environment is active; run 'workon NAME' first\n" >&2
    return 1
}

# Set __envreg_sp to the site-packages directory of $VIRTUAL_ENV: the one
# lib/python*/site-packages (lib/pypy*/..., Lib/site-packages on Windows),
# found by globbing in the shell, whatever the user's glob options.
__envreg_find_site_packages() {
    \builtin emulate -L zsh
    \builtin setopt null_glob
    __envreg_sp=""
    \builtin local -a found
    found=("${VIRTUAL_ENV}"/lib/python*/site-packages(/) "${VIRTUAL_ENV}"/lib/pypy*/site-packages(/)
        "${VIRTUAL_ENV}"/Lib/site-packages(/))
    if (( ${#found} != 1 )); then
        \builtin printf "envreg: expected one site-packages directory in %s, found %s\n" \
            "${VIRTUAL_ENV}" "${#found}" >&2
        return 1
    fi
    __envreg_sp="${found[1]}"
}

# cdvirtualenv [SUBDIR]: cd to the active environment (or SUBDIR in it).
cdvirtualenv() {
    [[ -n "${VIRTUAL_ENV-}" ]] || { __envreg_no_env; return; }
    \builtin cd -- "${VIRTUAL_ENV}${1:+/$1}"
}

# cdsitepackages [SUBDIR]: cd to the active environment's site-packages.
cdsitepackages() {
    [[ -n "${VIRTUAL_ENV-}" ]] || { __envreg_no_env; return; }
    \builtin local __envreg_sp
    __envreg_find_site_packages || return
    \builtin cd -- "${__envreg_sp}${1:+/$1}"
}

# lssitepackages [LS OPTIONS]: ls the active environment's site-packages,
# then the directories `envreg set --add-path` put in its envreg.pth.
lssitepackages() {
    [[ -n "${VIRTUAL_ENV-}" ]] || { __envreg_no_env; return; }
    \builtin local __envreg_sp line
    __envreg_find_site_packages || return
    \builtin command ls "$@" -- "${__envreg_sp}" || return
    if [[ -f "${__envreg_sp}/envreg.pth" ]]; then
        \builtin printf '\n%s:\n' "${__envreg_sp}/envreg.pth"
        while IFS= \builtin read -r line || [[ -n "${line}" ]]; do
            \builtin printf '%s\n' "${line}"
        done <"${__envreg_sp}/envreg.pth"
    fi
}

# cdproject: cd to the active environment's project directory, the one its
# .project file names (written by 'envreg set --project', mkenv --project and
# mkproject, as virtualenvwrapper's setvirtualenvproject writes it).
cdproject() {
    [[ -n "${VIRTUAL_ENV-}" ]] || { __envreg_no_env; return; }
    \builtin local __envreg_p=""
    if [[ -f "${VIRTUAL_ENV}/.project" ]]; then
        IFS= \builtin read -r __envreg_p <"${VIRTUAL_ENV}/.project" || :
    fi
    if [[ -z "${__envreg_p}" ]]; then
        \builtin printf "envreg: the active environment '%s' has no project; set one with 'envreg set %s --project DIR'\n" \
            "${VIRTUAL_ENV##*/}" "${VIRTUAL_ENV##*/}" >&2
        return 1
    fi
    \builtin cd -- "${__envreg_p}" || return
}

# mkproject NAME [MKENV OPTIONS]: make the project directory $PROJECT_HOME/NAME
# (or --dir DIR) and the environment NAME bound to it (`envreg mkproject`),
# activate it and cd there (even with ENVREG_WORKON_CD=0). If envreg fails,
# nothing is activated.
mkproject() {
    \builtin local __envreg_name
    __envreg_name="$(PROJECT_HOME="${PROJECT_HOME-}" \builtin command envreg mkproject --workon "$@")" || return
    workon --cd -- "${__envreg_name}"
}

# mktmpenv [MKENV OPTIONS]: make a temporary environment (`envreg mkenv
# --temp`), activate it and cd into it. The next `deactivate` (also the one
# a later `workon` runs) removes it. If mkenv fails nothing is activated.
mktmpenv() {
    \builtin local __envreg_out __envreg_name
    __envreg_out="$(\builtin command envreg mkenv --temp "$@")" || return
    __envreg_out="${__envreg_out%$'\n'}"
    __envreg_out="${__envreg_out##*$'\n'}"
    __envreg_name="${__envreg_out##*/}"
    if [[ -z "${__envreg_name}" ]]; then
        \builtin printf 'envreg: mkenv --temp printed no environment path\n' >&2
        return 1
    fi
    if ! workon "${__envreg_name}"; then
        \builtin command envreg rm -y --force -- "${__envreg_name}"
        return 1
    fi
    # Wrap the deactivate that workon defined: keep it as
    # __envreg_tmp_inner_deactivate and remove the env after it.
    (( ${+functions[deactivate]} )) || return 1
    functions[__envreg_tmp_inner_deactivate]="${functions[deactivate]}"
    typeset -g __envreg_tmp_name="${__envreg_name}"
    functions[deactivate]='__envreg_tmp_deactivate "$@"'
    \builtin cd -- "${__envreg_out}"
}

# The wrapped deactivate of a temporary environment.
__envreg_tmp_deactivate() {
    \builtin local name="${__envreg_tmp_name-}"
    __envreg_tmp_inner_deactivate "$@"
    [[ "${1-}" != nondestructive ]] || return 0
    \builtin unfunction __envreg_tmp_inner_deactivate 2>/dev/null || :
    \builtin unset __envreg_tmp_name
    if [[ -n "${name}" ]]; then
        \builtin command envreg rm -y --force -- "${name}"
    fi
}
