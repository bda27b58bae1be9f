# envreg auto-activation for fish, appended to the hook by
# `envreg init fish --auto`. When $PWD enters a directory bound to an
# environment through envreg (`envreg set --project`, `mkenv --project`,
# `envreg link`) the hook runs `workon NAME`; when it leaves, `deactivate`.
# An environment activated by hand is left alone. Nothing in the directory
# is trusted: the bindings come only from envreg's own file
# ENVREG_HOME/projects (`DIR<TAB>NAME` lines, longest DIR first).
#
# It runs when PWD changes (`--on-variable PWD`), so a prompt costs
# nothing; a cd within the current bound directory runs a prefix test;
# only another directory reads the projects file, with the builtin `read`.
# No program is started unless the environment changes (workon runs
# envreg). It also runs once when loaded, for a shell that starts in a
# bound directory.

# The bound directory $PWD is in, the environment the hook activated, and
# $VIRTUAL_ENV right after (to tell a hand change).
set -g __envreg_auto_root ''
set -g __envreg_auto_env ''
set -g __envreg_auto_venv ''

# True when $PWD is $argv[1] or below it (no pattern: the directory is text).
function __envreg_auto_under
    test "$PWD" = "$argv[1]"
    and return 0
    set -l prefix "$argv[1]/"
    set -l head (string sub --length (string length -- "$prefix") -- "$PWD")
    test "$head" = "$prefix"
end

function __envreg_auto_check --on-variable PWD
    if test -n "$__envreg_auto_root"; and __envreg_auto_under "$__envreg_auto_root"
        return 0
    end
    set -l file
    if test -n "$ENVREG_HOME"
        set file "$ENVREG_HOME/projects"
    else if string match -q -- '/*' "$XDG_DATA_HOME"
        set file "$XDG_DATA_HOME/envreg/projects"
    else
        set file "$HOME/.local/share/envreg/projects"
    end
    set -l root ''
    set -l name ''
    if test -f "$file"; and test -r "$file"
        while read -l --delimiter \t d n
            if test -n "$n"; and __envreg_auto_under "$d"
                set root "$d"
                set name "$n"
                break
            end
        end <"$file"
    end
    set -g __envreg_auto_root "$root"
    set -l active ''
    set -q VIRTUAL_ENV
    and set active "$VIRTUAL_ENV"
    # The environment the hook activated was deactivated or replaced by hand.
    if test -n "$__envreg_auto_env"; and test "$active" != "$__envreg_auto_venv"
        set -g __envreg_auto_env ''
        set -g __envreg_auto_venv ''
    end
    if test -n "$name"
        test "$name" = "$__envreg_auto_env"
        and return 0
        # Activated by hand: not the hook's to change.
        if test -n "$active"; and test -z "$__envreg_auto_env"
            return 0
        end
        # ENVREG_WORKON_CD=0: activate only, no cd to the project (workon -n).
        if ENVREG_WORKON_CD=0 workon "$name"
            set -g __envreg_auto_env "$name"
            set -g __envreg_auto_venv "$VIRTUAL_ENV"
        end
    else if test -n "$__envreg_auto_env"
        set -g __envreg_auto_env ''
        set -g __envreg_auto_venv ''
        functions -q deactivate
        and deactivate
    end
end

__envreg_auto_check
