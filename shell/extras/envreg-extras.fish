# envreg extras for fish, printed by `envreg init fish` after the main hook
# (which defines `workon`): virtualenvwrapper's mktmpenv, cdvirtualenv,
# cdsitepackages, lssitepackages, cdproject and mkproject. Can be sourced directly after the hook.

function __envreg_no_env
    builtin printf "envreg: no environment is active; run 'workon NAME' first\n" >&2
    return 1
end

# Print the site-packages directory of $VIRTUAL_ENV: the one
# lib/python*/site-packages (lib/pypy*/..., Lib/site-packages on Windows),
# found by globbing in the shell.
function __envreg_site_packages
    set -l found
    for d in $VIRTUAL_ENV/lib/python*/site-packages $VIRTUAL_ENV/lib/pypy*/site-packages \
        $VIRTUAL_ENV/Lib/site-packages
        test -d $d; and set -a found $d
    end
    if test (count $found) -ne 1
        builtin printf "envreg: expected one site-packages directory in %s, found %s\n" \
            $VIRTUAL_ENV (count $found) >&2
        return 1
    end
    builtin printf '%s\n' $found[1]
end

function cdvirtualenv --description 'cd to the active environment, or SUBDIR in it'
    set -q VIRTUAL_ENV[1]; and test -n "$VIRTUAL_ENV"; or begin
        __envreg_no_env
        return 1
    end
    if test (count $argv) -gt 0; and test -n "$argv[1]"
        builtin cd -- $VIRTUAL_ENV/$argv[1]
    else
        builtin cd -- $VIRTUAL_ENV
    end
end

function cdsitepackages --description "cd to the active environment's site-packages, or SUBDIR in it"
    set -q VIRTUAL_ENV[1]; and test -n "$VIRTUAL_ENV"; or begin
        __envreg_no_env
        return 1
    end
    set -l sp (__envreg_site_packages); or return 1
    if test (count $argv) -gt 0; and test -n "$argv[1]"
        builtin cd -- $sp/$argv[1]
    else
        builtin cd -- $sp
    end
end

function lssitepackages --description "ls the active environment's site-packages and its envreg.pth"
    set -q VIRTUAL_ENV[1]; and test -n "$VIRTUAL_ENV"; or begin
        __envreg_no_env
        return 1
    end
    set -l sp (__envreg_site_packages); or return 1
    command ls $argv -- $sp; or return
    if test -f $sp/envreg.pth
        builtin printf '\n%s:\n' $sp/envreg.pth
        while read -l line
            builtin printf '%s\n' $line
        end <$sp/envreg.pth
    end
end

# cdproject: cd to the active environment's project directory, the one its
# .project file names (written by 'envreg set --project', mkenv --project and
# mkproject, as virtualenvwrapper's setvirtualenvproject writes it).
function cdproject --description "cd to the active environment's project directory"
    set -q VIRTUAL_ENV[1]; and test -n "$VIRTUAL_ENV"; or begin
        __envreg_no_env
        return 1
    end
    set -l project
    if test -f $VIRTUAL_ENV/.project
        read -l line <$VIRTUAL_ENV/.project
        set project $line
    end
    if test -z "$project"
        set -l name (string replace -r '.*/' '' -- $VIRTUAL_ENV)
        builtin printf "envreg: the active environment '%s' has no project; set one with 'envreg set %s --project DIR'\n" \
            $name $name >&2
        return 1
    end
    builtin cd -- $project
end

# mkproject NAME [MKENV OPTIONS]: make the project directory $PROJECT_HOME/NAME
# (or --dir DIR) and the environment NAME bound to it (`envreg mkproject`),
# activate it and cd there (even with ENVREG_WORKON_CD=0). If envreg fails,
# nothing is activated.
function mkproject --description 'Make a project directory and an environment bound to it, and go there'
    set -l name (PROJECT_HOME="$PROJECT_HOME" command envreg mkproject --workon $argv); or return
    workon --cd -- $name
end

# mktmpenv [MKENV OPTIONS]: make a temporary environment (`envreg mkenv
# --temp`), activate it and cd into it. The next `deactivate` (also the one
# a later `workon` runs) removes it. If mkenv fails nothing is activated.
function mktmpenv --description 'Make, activate and cd into a temporary environment'
    set -l out (command envreg mkenv --temp $argv); or return
    set -l dir $out[-1]
    set -l name (string split -r -m1 / -- $dir)[-1]
    if test -z "$name"
        builtin printf 'envreg: mkenv --temp printed no environment path\n' >&2
        return 1
    end
    if not workon $name
        command envreg rm -y --force -- $name
        return 1
    end
    functions -q deactivate; or return 1
    functions -e __envreg_tmp_inner_deactivate
    functions -c deactivate __envreg_tmp_inner_deactivate
    functions -e deactivate
    set -g __envreg_tmp_name $name
    function deactivate --description 'Leave and remove the temporary environment'
        __envreg_tmp_deactivate $argv
    end
    builtin cd -- $dir
end

function __envreg_tmp_deactivate
    set -l name $__envreg_tmp_name
    __envreg_tmp_inner_deactivate $argv
    test "$argv[1]" = nondestructive; and return 0
    functions -e __envreg_tmp_inner_deactivate
    set -e -g __envreg_tmp_name
    if test -n "$name"
        command envreg rm -y --force -- $name
    end
end
