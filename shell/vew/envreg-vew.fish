# virtualenvwrapper's commands for fish, printed by `envreg init fish --vew`
# after the hook and the extras. A subset of the bash/zsh file
# (shell/vew/envreg-vew.bash, which explains the hooks): mkvirtualenv,
# rmvirtualenv, lsvirtualenv, showvirtualenv, cpvirtualenv, allvirtualenv,
# setvirtualenvproject, add2virtualenv, wipeenv, toggleglobalsitepackages,
# mkproject (cdproject is the extras'). Hooks: the "run" ones as in bash
# (premkvirtualenv, precpvirtualenv, prermvirtualenv, postrmvirtualenv,
# premkproject, get_env_details); the sourced ones are fish code, so their
# files end in .fish (initialize.fish, postmkvirtualenv.fish,
# postcpvirtualenv.fish, postmkproject.fish), as the hook's own
# postactivate.fish. mktmpenv is the extras' one, without hooks; no
# templates; no project .virtualenvwrapper hooks.

function __envreg_vew_hooks
    if set -q ENVREG_HOME[1]; and test -n "$ENVREG_HOME"
        builtin printf '%s\n' "$ENVREG_HOME/hooks"
    else if set -q XDG_DATA_HOME[1]; and string match -q -- '/*' "$XDG_DATA_HOME"
        builtin printf '%s\n' "$XDG_DATA_HOME/envreg/hooks"
    else
        builtin printf '%s\n' "$HOME/.local/share/envreg/hooks"
    end
end

# Run the global hook $argv[1] as a program (cwd: the hooks folder, or DIR
# after a first `--cwd DIR`).
function __envreg_vew_run
    set -l dir (__envreg_vew_hooks)
    set -l cwd $dir
    if test "$argv[1]" = --cwd
        set cwd $argv[2]
        set -e argv[1..2]
    end
    set -l hook $dir/$argv[1]
    if test -f $hook; and test -x $hook
        command sh -c 'cd -- "$1" && shift && exec "$@"' sh $cwd $hook $argv[2..-1]
    end
end

# Source the global hook $argv[1].fish.
function __envreg_vew_source
    set -l file (__envreg_vew_hooks)/$argv[1].fish
    if test -f $file
        source $file
    end
end

function __envreg_vew_current
    set -q VIRTUAL_ENV[1]; and test -n "$VIRTUAL_ENV"; or begin
        __envreg_no_env
        return 1
    end
    set -l name (string split -r -m1 / -- $VIRTUAL_ENV)[-1]
    if test (command envreg path -- $name 2>/dev/null) = "$VIRTUAL_ENV"
        builtin printf '%s\n' $name
        return 0
    end
    for n in (command envreg ls --names)
        if test (command envreg path -- $n 2>/dev/null) = "$VIRTUAL_ENV"
            builtin printf '%s\n' $n
            return 0
        end
    end
    builtin printf 'envreg: the active environment %s is not registered with envreg\n' $VIRTUAL_ENV >&2
    return 1
end

function mkvirtualenv --description 'Create an environment, then activate it'
    set -l opts
    set -l name
    set -l i 1
    while test $i -le (count $argv)
        set -l a $argv[$i]
        switch $a
            case -a -i -r -p --python --prompt
                set i (math $i + 1)
                if test $i -gt (count $argv)
                    builtin printf 'envreg: mkvirtualenv: %s needs a value\n' $a >&2
                    return 2
                end
                switch $a
                    case -a
                        set -a opts --project $argv[$i]
                    case --python
                        set -a opts -p $argv[$i]
                    case '*'
                        set -a opts $a $argv[$i]
                end
            case '--python=*'
                set -a opts -p (string replace -- --python= '' $a)
            case --system-site-packages --no-pip
                set -a opts $a
            case '-*'
                builtin printf "envreg: mkvirtualenv: option %s is not supported ('envreg mkenv --help' lists what is)\n" $a >&2
                return 2
            case '*'
                if test -n "$name"
                    builtin printf 'envreg: mkvirtualenv takes one environment name\n' >&2
                    return 2
                end
                set name $a
        end
        set i (math $i + 1)
    end
    if test -z "$name"
        builtin printf 'envreg: mkvirtualenv: give the new environment a name\n' >&2
        return 2
    end
    command envreg mkenv $opts -- $name >/dev/null; or return
    __envreg_vew_run premkvirtualenv $name
    workon $name; or return
    __envreg_vew_source postmkvirtualenv
end

function rmvirtualenv --description 'Remove environments (and their files), without asking'
    if test (count $argv) -eq 0
        builtin printf 'Usage: rmvirtualenv env_name [env_name ...]\n' >&2
        return 1
    end
    set -l names (command envreg ls --names)
    set -l rc 0
    for n in $argv
        if not contains -- $n $names
            builtin printf "ERROR: Environment '%s' does not exist.\n" $n >&2
            set rc 1
            continue
        end
        set -l d (command envreg path -- $n 2>/dev/null)
        if set -q VIRTUAL_ENV[1]; and test "$d" = "$VIRTUAL_ENV"
            builtin printf "ERROR: You cannot remove the active environment ('%s').\nEither switch to another environment, or run 'deactivate'.\n" $n >&2
            set rc 1
            continue
        end
        __envreg_vew_run prermvirtualenv $d
        if not command envreg rm -y --delete -- $n
            set rc 1
            continue
        end
        __envreg_vew_run postrmvirtualenv $d
    end
    return $rc
end

function lsvirtualenv --description 'List the environments (-b: names only)'
    set -l brief 0
    for a in $argv
        switch $a
            case -b
                set brief 1
            case -l
                set brief 0
            case '*'
                builtin printf 'envreg: lsvirtualenv: unknown option %s\n' $a >&2
                return 2
        end
    end
    if test $brief -eq 1
        command envreg ls --names
        return
    end
    for n in (command envreg ls --names)
        builtin printf '%s\n%s\n' $n (string repeat -n (string length -- $n) =)
        __envreg_vew_run get_env_details $n
        builtin printf '\n'
    end
end

function showvirtualenv --description 'Show an environment (default: the active one)'
    set -l name $argv[1]
    if test -z "$name"
        set name (__envreg_vew_current); or return
    end
    command envreg show -- $name; or return
    __envreg_vew_run get_env_details $name
end

function cpvirtualenv --description 'Copy an environment, then activate the copy'
    if test (count $argv) -lt 1; or test (count $argv) -gt 2
        builtin printf 'Usage: cpvirtualenv source_env [target_env]\n' >&2
        return 1
    end
    set -l out (command envreg cp -- $argv); or return
    set -l dst (string split -r -m1 / -- $out[-1])[-1]
    __envreg_vew_run precpvirtualenv $argv[1] $dst
    __envreg_vew_run premkvirtualenv $dst
    workon $dst; or return
    __envreg_vew_source postmkvirtualenv
    __envreg_vew_source postcpvirtualenv
end

function allvirtualenv --description 'Run a command in every environment'
    command envreg all -- $argv
end

function setvirtualenvproject --description 'Bind a project directory to an environment'
    set -l name $argv[1]
    set -l p $PWD
    test (count $argv) -ge 2; and set p $argv[2]
    if test -z "$name"
        set name (__envreg_vew_current); or return
    end
    string match -q -- '/*' $p; or set p $PWD/$p
    command envreg set $name --project $p; or return
    builtin printf 'Setting project for %s to %s\n' $name $p
end

# cdproject is the extras' one (it reads $VIRTUAL_ENV/.project).

# mkproject [-f|--force] [MKVIRTUALENV OPTIONS] NAME: virtualenvwrapper's, on
# `envreg mkproject` (as in shell/vew/envreg-vew.bash): premkvirtualenv NAME
# run, the env activated (staying here), postmkvirtualenv.fish sourced,
# premkproject NAME run in $PROJECT_HOME, cd into the project,
# postmkproject.fish sourced.
function mkproject --description 'Make $PROJECT_HOME/NAME and an environment bound to it (virtualenvwrapper hooks)'
    set -l opts
    set -l name
    set -l i 1
    while test $i -le (count $argv)
        set -l a $argv[$i]
        switch $a
            case -f --force
                set -a opts --force
            case -i -r -p --python --prompt
                set i (math $i + 1)
                if test $i -gt (count $argv)
                    builtin printf 'envreg: mkproject: %s needs a value\n' $a >&2
                    return 2
                end
                switch $a
                    case --python
                        set -a opts -p $argv[$i]
                    case '*'
                        set -a opts $a $argv[$i]
                end
            case '--python=*'
                set -a opts -p (string replace -- --python= '' $a)
            case --system-site-packages --no-pip
                set -a opts $a
            case -t
                builtin printf 'envreg: mkproject: templates (-t) are not supported; a postmkproject hook can do what a template did\n' >&2
                return 2
            case '-*'
                builtin printf "envreg: mkproject: option %s is not supported ('envreg mkproject --help' lists what is)\n" $a >&2
                return 2
            case '*'
                if test -n "$name"
                    builtin printf 'envreg: mkproject takes one project name\n' >&2
                    return 2
                end
                set name $a
        end
        set i (math $i + 1)
    end
    if test -z "$name"
        builtin printf 'Usage: mkproject [-f|--force] [mkvirtualenv options] project_name\n' >&2
        return 2
    end
    set -l made (PROJECT_HOME="$PROJECT_HOME" command envreg mkproject --workon $opts -- $name); or return
    __envreg_vew_run premkvirtualenv $made
    workon -n -- $made; or return
    __envreg_vew_source postmkvirtualenv
    set -l p
    read -l line <$VIRTUAL_ENV/.project; and set p $line
    if test -z "$p"
        builtin printf "envreg: mkproject: '%s' has no .project file\n" $made >&2
        return 1
    end
    __envreg_vew_run --cwd (string replace -r '/[^/]*$' '' -- $p) premkproject $made
    builtin cd -- $p; or return
    __envreg_vew_source postmkproject
end

function add2virtualenv --description "Add directories to the active environment's sys.path"
    set -l name (__envreg_vew_current); or return
    set -l flag --add-path
    if test "$argv[1]" = -d
        set flag --remove-path
        set -e argv[1]
    end
    if test (count $argv) -eq 0
        builtin printf 'Usage: add2virtualenv [-d] dir [dir ...]\n'
        return 1
    end
    for d in $argv
        string match -q -- '/*' $d; or set d $PWD/$d
        command envreg set $name $flag $d; or return
    end
end

function wipeenv --description 'Uninstall every package but the seed from the active environment'
    set -l name (__envreg_vew_current); or return
    command envreg wipe -y -- $name
end

function toggleglobalsitepackages --description "Flip the active environment's access to the global site-packages"
    set -l name (__envreg_vew_current); or return
    if string match -q -r '^include-system-site-packages\s*=\s*true' <$VIRTUAL_ENV/pyvenv.cfg
        command envreg set $name --system-site-packages false; or return
        test "$argv[1]" = -q; or builtin printf 'Disabled global site-packages\n'
    else
        command envreg set $name --system-site-packages true; or return
        test "$argv[1]" = -q; or builtin printf 'Enabled global site-packages\n'
    end
end

__envreg_vew_source initialize
