# shellcheck shell=bash disable=SC2296
#
# virtualenvwrapper's commands for zsh, printed by `envreg init zsh --vew`
# after the hook and the extras (it needs `workon` and the extras'
# __envreg_no_env and __envreg_tmp_deactivate). Every command is built on
# `envreg` and `workon`; environments live in envreg's registry.
#
# virtualenvwrapper's global hook files are read from envreg's hooks folder
# ($ENVREG_HOME/hooks), with virtualenvwrapper's names, order and way:
#   initialize                       sourced when this file is loaded
#   premkvirtualenv NAME             run (cwd: the hooks folder), after the env
#                                    is created, before it is activated
#   postmkvirtualenv                 sourced after it is activated
#   precpvirtualenv SRC DST          run, after the copy, before premkvirtualenv
#   postcpvirtualenv                 sourced after postmkvirtualenv
#   prermvirtualenv ENV_DIR          run before the env is removed
#   postrmvirtualenv ENV_DIR         run after it is removed
#   premkproject NAME                run by mkproject (cwd: $PROJECT_HOME)
#                                    after postmkvirtualenv, before the cd
#                                    into the project (which envreg has made)
#   postmkproject                    sourced in the new project directory
#   get_env_details NAME             run by lsvirtualenv and showvirtualenv
# "run" hooks must be executable. The first load creates the missing files
# as commented templates, as virtualenvwrapper's initialize does.
# (pre/postactivate and pre/postdeactivate are the hook's own: README
# "User hooks".) A project's .virtualenvwrapper/postactivate is sourced after
# `workon` and its .virtualenvwrapper/predeactivate before `deactivate`.

# Set __envreg_vew_dir to envreg's hooks folder (as envreg finds its home).
__envreg_vew_hooks() {
    if [[ -n "${ENVREG_HOME-}" ]]; then
        __envreg_vew_dir="${ENVREG_HOME}/hooks"
    elif [[ "${XDG_DATA_HOME-}" == /* ]]; then
        __envreg_vew_dir="${XDG_DATA_HOME}/envreg/hooks"
    else
        __envreg_vew_dir="${HOME}/.local/share/envreg/hooks"
    fi
}

# Run the global hook $1 as a program with the other arguments, in the
# hooks folder (or in $__envreg_vew_cwd when set), if it is executable.
__envreg_vew_run() {
    \builtin local __envreg_vew_dir __envreg_hook
    __envreg_vew_hooks
    __envreg_hook="${__envreg_vew_dir}/$1"
    \builtin shift
    if [[ -f "${__envreg_hook}" && -x "${__envreg_hook}" ]]; then
        (\builtin cd -- "${__envreg_vew_cwd:-${__envreg_vew_dir}}" && "${__envreg_hook}" "$@")
    fi
}

# Source the global hook $1, if it exists.
__envreg_vew_source() {
    \builtin local __envreg_vew_dir
    __envreg_vew_hooks
    if [[ -f "${__envreg_vew_dir}/$1" ]]; then
        \builtin source "${__envreg_vew_dir}/$1"
    fi
}

# Create the hook files that are missing, once (when `initialize` is missing).
__envreg_vew_templates() {
    \builtin local __envreg_vew_dir h f how
    __envreg_vew_hooks
    [[ -e "${__envreg_vew_dir}/initialize" ]] && return 0
    \builtin command mkdir -p -- "${__envreg_vew_dir}" 2>/dev/null || return 0
    for h in initialize:sourced postmkvirtualenv:sourced postcpvirtualenv:sourced \
        postmkproject:sourced premkvirtualenv:run precpvirtualenv:run prermvirtualenv:run \
        postrmvirtualenv:run premkproject:run get_env_details:run; do
        f="${__envreg_vew_dir}/${h%%:*}"
        how="${h#*:}"
        [[ -e "${f}" ]] && continue
        if [[ "${how}" == run ]]; then
            \builtin printf '#!/bin/bash\n# envreg runs this virtualenvwrapper hook (%s) as a program.\n\n' \
                "${h%%:*}" >"${f}" && \builtin command chmod +x -- "${f}"
        else
            \builtin printf '# envreg sources this virtualenvwrapper hook (%s) in your shell.\n\n' \
                "${h%%:*}" >"${f}"
        fi
    done
}

# Set __envreg_vew_name to the registered name of the active environment.
__envreg_vew_current() {
    [[ -n "${VIRTUAL_ENV-}" ]] || { __envreg_no_env; return; }
    __envreg_vew_by_dir "${VIRTUAL_ENV}"
}

# Set __envreg_vew_name to the registered name of the environment in
# directory $1 (virtualenvwrapper's commands take an env's directory too).
__envreg_vew_by_dir() {
    \builtin local n d want="${1%/}"
    [[ "${want}" == /* ]] || want="${PWD}/${want}"
    __envreg_vew_name="${want##*/}"
    d="$(\builtin command envreg path -- "${__envreg_vew_name}" 2>/dev/null)" || d=""
    [[ "${d}" == "${want}" ]] && return 0
    while IFS= \builtin read -r n; do
        d="$(\builtin command envreg path -- "${n}" 2>/dev/null)" || continue
        if [[ "${d}" == "${want}" ]]; then
            __envreg_vew_name="${n}"
            return 0
        fi
    done < <(\builtin command envreg ls --names)
    \builtin printf 'envreg: the environment in %s is not registered with envreg\n' "${want}" >&2
    return 1
}

# True when $1 is a registered name.
__envreg_vew_known() {
    \builtin local names
    names="$(\builtin command envreg ls --names)" || return
    [[ $'\n'"${names}"$'\n' == *$'\n'"$1"$'\n'* ]]
}

# mkvirtualenv [-a PROJECT] [-i PKG]... [-r FILE]... [-p PYTHON]
#   [--system-site-packages] [--no-pip] [--prompt TEXT] NAME
mkvirtualenv() {
    \builtin local __envreg_name=""
    \builtin local -a __envreg_opts
    __envreg_opts=()
    while [[ $# -gt 0 ]]; do
        case "$1" in
        -a | -i | -r | -p | --python | --prompt)
            if [[ $# -lt 2 ]]; then
                \builtin printf 'envreg: mkvirtualenv: %s needs a value\n' "$1" >&2
                return 2
            fi
            case "$1" in
            -a) __envreg_opts+=(--project "$2") ;;
            --python) __envreg_opts+=(-p "$2") ;;
            *) __envreg_opts+=("$1" "$2") ;;
            esac
            \builtin shift 2
            ;;
        --python=*) __envreg_opts+=(-p "${1#--python=}") && \builtin shift ;;
        --system-site-packages | --no-pip) __envreg_opts+=("$1") && \builtin shift ;;
        -h | --help)
            \builtin printf 'Usage: mkvirtualenv [-a project_path] [-i package] [-r requirements_file] [-p python] [--system-site-packages] [--no-pip] [--prompt text] env_name\n'
            return 0
            ;;
        -*)
            \builtin printf "envreg: mkvirtualenv: option %s is not supported ('envreg mkenv --help' lists what is)\n" "$1" >&2
            return 2
            ;;
        *)
            if [[ -n "${__envreg_name}" ]]; then
                \builtin printf 'envreg: mkvirtualenv takes one environment name\n' >&2
                return 2
            fi
            __envreg_name="$1"
            \builtin shift
            ;;
        esac
    done
    if [[ -z "${__envreg_name}" ]]; then
        \builtin printf 'envreg: mkvirtualenv: give the new environment a name\n' >&2
        return 2
    fi
    \builtin command envreg mkenv "${__envreg_opts[@]}" -- "${__envreg_name}" >/dev/null || return
    __envreg_vew_run premkvirtualenv "${__envreg_name}"
    workon "${__envreg_name}" || return
    __envreg_vew_source postmkvirtualenv
}

# rmvirtualenv NAME...: remove each (its files too, as virtualenvwrapper
# does, also for an env registered from elsewhere); an unknown name or the
# active environment is reported and the others are removed. No question.
rmvirtualenv() {
    if [[ $# -eq 0 ]]; then
        \builtin printf 'Usage: rmvirtualenv env_name [env_name ...]\n' >&2
        return 1
    fi
    \builtin local __envreg_n __envreg_d __envreg_rc=0
    for __envreg_n in "$@"; do
        if ! __envreg_vew_known "${__envreg_n}"; then
            \builtin printf "ERROR: Environment '%s' does not exist.\n" "${__envreg_n}" >&2
            __envreg_rc=1
            continue
        fi
        __envreg_d="$(\builtin command envreg path -- "${__envreg_n}" 2>/dev/null)" || __envreg_d=""
        if [[ -n "${VIRTUAL_ENV-}" && "${__envreg_d}" == "${VIRTUAL_ENV}" ]]; then
            \builtin printf "ERROR: You cannot remove the active environment ('%s').\nEither switch to another environment, or run 'deactivate'.\n" \
                "${__envreg_n}" >&2
            __envreg_rc=1
            continue
        fi
        __envreg_vew_run prermvirtualenv "${__envreg_d}"
        if ! \builtin command envreg rm -y --delete -- "${__envreg_n}"; then
            __envreg_rc=1
            continue
        fi
        __envreg_vew_run postrmvirtualenv "${__envreg_d}"
    done
    return "${__envreg_rc}"
}

# lsvirtualenv [-b | -l]: the names (-b), or each name underlined with what
# the get_env_details hook prints (-l, the default).
lsvirtualenv() {
    \builtin local __envreg_brief=0 __envreg_n
    while [[ $# -gt 0 ]]; do
        case "$1" in
        -b) __envreg_brief=1 ;;
        -l) __envreg_brief=0 ;;
        -h)
            \builtin printf 'Usage: lsvirtualenv [-blh]\n  -b brief mode\n  -l long mode (default)\n'
            return 0
            ;;
        *)
            \builtin printf 'envreg: lsvirtualenv: unknown option %s\n' "$1" >&2
            return 2
            ;;
        esac
        \builtin shift
    done
    if [[ "${__envreg_brief}" -eq 1 ]]; then
        \builtin command envreg ls --names
        return
    fi
    while IFS= \builtin read -r __envreg_n; do
        \builtin printf '%s\n%s\n' "${__envreg_n}" "${__envreg_n//?/=}"
        __envreg_vew_run get_env_details "${__envreg_n}"
        \builtin printf '\n'
    done < <(\builtin command envreg ls --names)
}

# showvirtualenv [NAME]: what envreg knows about NAME (default: the active
# one), then what the get_env_details hook prints.
showvirtualenv() {
    \builtin local __envreg_vew_name="${1-}"
    if [[ -z "${__envreg_vew_name}" ]]; then
        __envreg_vew_current || return
    fi
    \builtin command envreg show -- "${__envreg_vew_name}" || return
    __envreg_vew_run get_env_details "${__envreg_vew_name}"
}

# cpvirtualenv SRC [DST]: copy (SRC a name or a venv's path), then activate
# the copy. Hooks: precpvirtualenv SRC DST, premkvirtualenv DST, then
# postmkvirtualenv and postcpvirtualenv sourced.
cpvirtualenv() {
    if [[ $# -lt 1 || $# -gt 2 ]]; then
        \builtin printf 'Usage: cpvirtualenv source_env [target_env]\n' >&2
        return 1
    fi
    \builtin local __envreg_out __envreg_dst
    __envreg_out="$(\builtin command envreg cp -- "$@")" || return
    __envreg_out="${__envreg_out%$'\n'}"
    __envreg_dst="${__envreg_out##*/}"
    __envreg_vew_run precpvirtualenv "$1" "${__envreg_dst}"
    __envreg_vew_run premkvirtualenv "${__envreg_dst}"
    workon "${__envreg_dst}" || return
    __envreg_vew_source postmkvirtualenv
    __envreg_vew_source postcpvirtualenv
}

# allvirtualenv CMD...: run CMD in every environment (`envreg all`).
allvirtualenv() {
    \builtin command envreg all -- "$@"
}

# mktmpenv [-c|--cd | -n|--no-cd] [MKENV OPTIONS]: a temporary environment,
# activated (and cd'ed into, unless -n); the next `deactivate` removes it.
# Hooks as mkvirtualenv's.
mktmpenv() {
    \builtin local __envreg_cd=1 __envreg_out __envreg_name
    \builtin local -a __envreg_opts
    __envreg_opts=()
    while [[ $# -gt 0 ]]; do
        case "$1" in
        -c | --cd) __envreg_cd=1 ;;
        -n | --no-cd) __envreg_cd=0 ;;
        *) __envreg_opts+=("$1") ;;
        esac
        \builtin shift
    done
    __envreg_out="$(\builtin command envreg mkenv --temp "${__envreg_opts[@]}")" || return
    __envreg_out="${__envreg_out%$'\n'}"
    __envreg_out="${__envreg_out##*$'\n'}"
    __envreg_name="${__envreg_out##*/}"
    __envreg_vew_run premkvirtualenv "${__envreg_name}"
    if ! workon "${__envreg_name}"; then
        \builtin command envreg rm -y --force -- "${__envreg_name}"
        return 1
    fi
    (( ${+functions[deactivate]} )) || return 1
    functions[__envreg_tmp_inner_deactivate]="${functions[deactivate]}"
    __envreg_tmp_name="${__envreg_name}"
    functions[deactivate]='__envreg_tmp_deactivate "$@"'
    if [[ "${__envreg_cd}" -eq 1 ]]; then
        \builtin cd -- "${__envreg_out}" || return
    fi
    __envreg_vew_source postmkvirtualenv
}

# setvirtualenvproject [ENV [PROJECT]]: bind PROJECT (default: the current
# directory) to ENV (a name or an env's directory; default: the active one)
# with `envreg set --project`, so the registry writes ENV/.project.
setvirtualenvproject() {
    \builtin local __envreg_vew_name="${1-}" __envreg_p="${2:-${PWD}}"
    if [[ -z "${__envreg_vew_name}" ]]; then
        __envreg_vew_current || return
    elif [[ "${__envreg_vew_name}" == */* ]]; then
        __envreg_vew_by_dir "${__envreg_vew_name}" || return
    fi
    [[ "${__envreg_p}" == /* ]] || __envreg_p="${PWD}/${__envreg_p}"
    \builtin command envreg set "${__envreg_vew_name}" --project "${__envreg_p}" || return
    \builtin printf 'Setting project for %s to %s\n' "${__envreg_vew_name}" "${__envreg_p}"
}

# cdproject is the extras' one: it reads $VIRTUAL_ENV/.project, as
# virtualenvwrapper's does.

# mkproject [-f|--force] [MKVIRTUALENV OPTIONS] NAME: virtualenvwrapper's,
# built on `envreg mkproject`, which makes $PROJECT_HOME/NAME and the env
# NAME bound to it in one step (a failure leaves neither). Then, in
# virtualenvwrapper's order: premkvirtualenv NAME run, the env activated
# (staying here), postmkvirtualenv sourced, premkproject NAME run in
# $PROJECT_HOME, cd into the project, postmkproject sourced. Unlike
# virtualenvwrapper's, the project directory exists when premkproject runs.
mkproject() {
    \builtin local __envreg_name="" __envreg_p=""
    \builtin local -a __envreg_opts
    __envreg_opts=()
    while [[ $# -gt 0 ]]; do
        case "$1" in
        -f | --force) __envreg_opts+=(--force) && \builtin shift ;;
        -i | -r | -p | --python | --prompt)
            if [[ $# -lt 2 ]]; then
                \builtin printf 'envreg: mkproject: %s needs a value\n' "$1" >&2
                return 2
            fi
            case "$1" in
            --python) __envreg_opts+=(-p "$2") ;;
            *) __envreg_opts+=("$1" "$2") ;;
            esac
            \builtin shift 2
            ;;
        --python=*) __envreg_opts+=(-p "${1#--python=}") && \builtin shift ;;
        --system-site-packages | --no-pip) __envreg_opts+=("$1") && \builtin shift ;;
        -h | --help)
            \builtin printf 'Usage: mkproject [-f|--force] [-i package] [-r requirements_file] [-p python] [--system-site-packages] [--no-pip] [--prompt text] project_name\n'
            return 0
            ;;
        -t)
            \builtin printf 'envreg: mkproject: templates (-t) are not supported; a postmkproject hook can do what a template did\n' >&2
            return 2
            ;;
        -*)
            \builtin printf "envreg: mkproject: option %s is not supported ('envreg mkproject --help' lists what is)\n" "$1" >&2
            return 2
            ;;
        *)
            if [[ -n "${__envreg_name}" ]]; then
                \builtin printf 'envreg: mkproject takes one project name\n' >&2
                return 2
            fi
            __envreg_name="$1"
            \builtin shift
            ;;
        esac
    done
    if [[ -z "${__envreg_name}" ]]; then
        \builtin printf 'Usage: mkproject [-f|--force] [mkvirtualenv options] project_name\n' >&2
        return 2
    fi
    __envreg_name="$(PROJECT_HOME="${PROJECT_HOME-}" \builtin command envreg mkproject --workon \
        "${__envreg_opts[@]}" -- "${__envreg_name}")" || return
    __envreg_vew_run premkvirtualenv "${__envreg_name}"
    workon -n -- "${__envreg_name}" || return
    __envreg_vew_source postmkvirtualenv
    IFS= \builtin read -r __envreg_p <"${VIRTUAL_ENV}/.project" || [[ -n "${__envreg_p}" ]] || {
        \builtin printf "envreg: mkproject: '%s' has no .project file\n" "${__envreg_name}" >&2
        return 1
    }
    __envreg_vew_cwd="${__envreg_p%/*}" __envreg_vew_run premkproject "${__envreg_name}"
    \builtin cd -- "${__envreg_p}" || return
    __envreg_vew_source postmkproject
}

# add2virtualenv [-d] DIR...: add DIR to (with -d: remove it from) the
# active environment's sys.path; with no DIR, list what was added.
add2virtualenv() {
    \builtin local __envreg_vew_name __envreg_flag=--add-path __envreg_sp __envreg_d
    __envreg_vew_current || return
    if [[ "${1-}" == -d ]]; then
        __envreg_flag=--remove-path
        \builtin shift
    fi
    if [[ $# -eq 0 ]]; then
        __envreg_find_site_packages || return
        \builtin printf 'Usage: add2virtualenv [-d] dir [dir ...]\n'
        if [[ -f "${__envreg_sp}/envreg.pth" ]]; then
            \builtin printf '\nExisting paths:\n'
            while IFS= \builtin read -r __envreg_d || [[ -n "${__envreg_d}" ]]; do
                \builtin printf '%s\n' "${__envreg_d}"
            done <"${__envreg_sp}/envreg.pth"
        fi
        return 1
    fi
    for __envreg_d in "$@"; do
        [[ "${__envreg_d}" == /* ]] || __envreg_d="${PWD}/${__envreg_d}"
        \builtin command envreg set "${__envreg_vew_name}" "${__envreg_flag}" "${__envreg_d}" || return
    done
}

# wipeenv: uninstall every package but the seed from the active environment.
wipeenv() {
    \builtin local __envreg_vew_name
    __envreg_vew_current || return
    \builtin command envreg wipe -y -- "${__envreg_vew_name}"
}

# toggleglobalsitepackages [-q]: flip the active environment's access to
# the base interpreter's site-packages.
toggleglobalsitepackages() {
    \builtin local __envreg_vew_name __envreg_line __envreg_on=false
    __envreg_vew_current || return
    while IFS= \builtin read -r __envreg_line || [[ -n "${__envreg_line}" ]]; do
        case "${__envreg_line}" in
        include-system-site-packages*true*) __envreg_on=true ;;
        esac
    done <"${VIRTUAL_ENV}/pyvenv.cfg"
    if [[ "${__envreg_on}" == true ]]; then
        \builtin command envreg set "${__envreg_vew_name}" --system-site-packages false || return
        [[ "${1-}" == -q ]] || \builtin printf 'Disabled global site-packages\n'
    else
        \builtin command envreg set "${__envreg_vew_name}" --system-site-packages true || return
        [[ "${1-}" == -q ]] || \builtin printf 'Enabled global site-packages\n'
    fi
}

# workon, then the project's .virtualenvwrapper/postactivate; its
# .virtualenvwrapper/predeactivate runs first in the next `deactivate`.
functions[__envreg_vew_workon]="${functions[workon]}"
workon() {
    # virtualenvwrapper's VIRTUALENVWRAPPER_WORKON_CD=0 (no cd to the
    # project) is envreg's ENVREG_WORKON_CD=0, unless that is set itself.
    if [[ "${VIRTUALENVWRAPPER_WORKON_CD-1}" == 0 && -z "${ENVREG_WORKON_CD+x}" ]]; then
        ENVREG_WORKON_CD=0 __envreg_vew_workon "$@" || return
    else
        __envreg_vew_workon "$@" || return
    fi
    # Bare `workon` lists (or picks, through this function again): no hooks.
    \builtin local __envreg_a __envreg_named=0
    for __envreg_a in "$@"; do
        [[ "${__envreg_a}" == -* ]] || __envreg_named=1
    done
    [[ "${__envreg_named}" -eq 1 && -n "${VIRTUAL_ENV-}" && -f "${VIRTUAL_ENV}/.project" ]] || return 0
    \builtin local __envreg_p
    IFS= \builtin read -r __envreg_p <"${VIRTUAL_ENV}/.project" || [[ -n "${__envreg_p}" ]] || return 0
    if [[ -f "${__envreg_p}/.virtualenvwrapper/predeactivate" ]]; then
        (( ${+functions[deactivate]} )) || return 0
        functions[__envreg_vew_inner_deactivate]="${functions[deactivate]}"
        __envreg_vew_project_dir="${__envreg_p}"
        function deactivate {
            if [[ "${1-}" != nondestructive && -f "${__envreg_vew_project_dir-}/.virtualenvwrapper/predeactivate" ]]; then
                \builtin source "${__envreg_vew_project_dir}/.virtualenvwrapper/predeactivate"
            fi
            __envreg_vew_inner_deactivate "$@"
        }
    fi
    if [[ -f "${__envreg_p}/.virtualenvwrapper/postactivate" ]]; then
        \builtin source "${__envreg_p}/.virtualenvwrapper/postactivate"
    fi
}

__envreg_vew_templates
__envreg_vew_source initialize
