# envreg hook for fish: defines `workon` and its completion. Add this line to
# ~/.config/fish/config.fish:
#
#     envreg init fish | source
#
# which also loads the completion for `envreg` (shell/completions/envreg.fish,
# generated from envreg's command-line definition), or source this file (and
# that one) directly. Sourcing it starts no program; `workon NAME`
# runs `envreg path --workon` once, which prints the environment's directory,
# the global hooks directory, its name and the project directory to change to
# (then the variables of `envreg set --var`, which workon exports and
# deactivate restores): the hook resolves no path
# itself. User
# hooks for fish are the files ending `.fish`. `builtin` and `command` are
# reserved words in fish, so user functions cannot take their names; the
# hook calls `builtin source` and `command envreg`.

# `workon` is set up in this shell: exported so that envreg (its `mkenv`
# hint) can tell.
set -gx ENVREG_SHELL fish

function __envreg_source_if --description 'Source a file if it exists'
    if test -f $argv[1]
        builtin source $argv
    end
end

function __envreg_run_if --description 'Run a file as a program if it is executable'
    if test -f $argv[1]; and test -x $argv[1]
        $argv
    end
end

# A shell started inside an activated environment inherits VIRTUAL_ENV and
# PATH but not the `deactivate` function: drop that environment by hand.
function __envreg_drop_inherited
    set -l bin $VIRTUAL_ENV/bin
    set -gx PATH (string match -v -- $bin $PATH)
    set -e VIRTUAL_ENV
    set -e VIRTUAL_ENV_PROMPT
end

# The wrapped `deactivate`: per-env predeactivate, global predeactivate, the
# activate script's own deactivate, then per-env postdeactivate and global
# postdeactivate (virtualenvwrapper's order; fish sources the `.fish` files).
function __envreg_deactivate
    set -l env $VIRTUAL_ENV
    set -l hooks $__envreg_hooks_dir
    __envreg_source_if $env/bin/predeactivate.fish
    test -n "$hooks"; and __envreg_source_if $hooks/predeactivate.fish
    __envreg_venv_deactivate $argv
    if test "$argv[1]" != nondestructive
        functions -e __envreg_venv_deactivate deactivate
        set -e -g __envreg_hooks_dir
        __envreg_restore_vars
    end
    # What virtualenvwrapper's postdeactivate hooks expect; gone afterwards.
    set -g ENVREG_LAST_ENV $env
    set -g VIRTUALENVWRAPPER_LAST_VIRTUALENV $env
    __envreg_source_if $env/bin/postdeactivate.fish
    test -n "$hooks"; and __envreg_source_if $hooks/postdeactivate.fish
    set -e -g ENVREG_LAST_ENV
    set -e -g VIRTUALENVWRAPPER_LAST_VIRTUALENV
end

# The variables of `envreg set --var`: workon exports them after the activate
# script succeeded, and deactivate restores what each was before. The state is
# global and gone when nothing is applied: __envreg_var_keys lists the
# variables, and __envreg_old_KEY holds KEY's old value (a list, kept as is)
# if KEY was set before.

# Export the KEY=VALUE lines in $argv, remembering what each variable was.
function __envreg_set_vars
    for __envreg_line in $argv
        set -l __envreg_kv (string split -m 1 -- = $__envreg_line)
        set -l __envreg_key $__envreg_kv[1]
        set -ga __envreg_var_keys $__envreg_key
        set -e -g __envreg_old_$__envreg_key
        if set -q $__envreg_key
            set -g __envreg_old_$__envreg_key $$__envreg_key
        end
        set -gx $__envreg_key $__envreg_kv[2]
    end
end

# Restore the variables __envreg_set_vars exported, and forget them.
function __envreg_restore_vars
    for __envreg_key in $__envreg_var_keys
        if set -q __envreg_old_$__envreg_key
            set -l __envreg_old __envreg_old_$__envreg_key
            set -gx $__envreg_key $$__envreg_old
            set -e -g __envreg_old_$__envreg_key
        else
            set -e -g $__envreg_key
        end
    end
    set -e -g __envreg_var_keys
end

# Before workon leaves the active environment: keep its variables' old
# values (__envreg_kold_KEY) and what they are now (__envreg_know_KEY).
function __envreg_keep_vars
    for __envreg_key in $__envreg_var_keys
        set -e -g __envreg_kold_$__envreg_key
        set -e -g __envreg_know_$__envreg_key
        if set -q __envreg_old_$__envreg_key
            set -l __envreg_old __envreg_old_$__envreg_key
            set -g __envreg_kold_$__envreg_key $$__envreg_old
        end
        if set -q $__envreg_key
            set -g __envreg_know_$__envreg_key $$__envreg_key
        end
    end
end

# After a failed switch reactivated that environment: put the variables in
# $argv back as __envreg_keep_vars found them.
function __envreg_unkeep_vars
    for __envreg_key in $argv
        set -ga __envreg_var_keys $__envreg_key
        if set -q __envreg_kold_$__envreg_key
            set -l __envreg_old __envreg_kold_$__envreg_key
            set -g __envreg_old_$__envreg_key $$__envreg_old
        end
        if set -q __envreg_know_$__envreg_key
            set -l __envreg_now __envreg_know_$__envreg_key
            set -gx $__envreg_key $$__envreg_now
        else
            set -e -g $__envreg_key
        end
    end
end

# Forget what __envreg_keep_vars kept for the variables in $argv.
function __envreg_forget_kept
    for __envreg_key in $argv
        set -e -g __envreg_kold_$__envreg_key
        set -e -g __envreg_know_$__envreg_key
    end
end

# Source the activate.fish of the environment in $argv[1] and wrap its
# `deactivate` with the user hooks (no process is started).
function __envreg_activate
    functions -e deactivate
    builtin source $argv[1]/bin/activate.fish; or return
    if functions -q deactivate
        functions -e __envreg_venv_deactivate
        functions -c deactivate __envreg_venv_deactivate
        functions -e deactivate
        function deactivate --description 'Leave the active envreg environment'
            __envreg_deactivate $argv
        end
    end
end

# After a failed activate script: undo what it did, if it got as far as
# defining its deactivate.
function __envreg_undo_failed
    if functions -q deactivate
        deactivate
    end
    functions -e deactivate __envreg_venv_deactivate
end

# workon [-n|-c] [-f] NAME: activate environment NAME in this shell, leaving
# the current one first, and change to its project directory (if it has one;
# -n/--no-cd or ENVREG_WORKON_CD=0 stays, -c/--cd changes even then). NAME `.`
# is the environment whose project holds the current directory. -f/--force
# activates even a broken environment. Bare `workon` lists the names, or
# opens a picker on a terminal. If NAME's activate script fails, the
# environment that was active before is activated again, its variables as
# they were, and workon returns non-zero. `deactivate` does not change back.
function workon --description 'Activate an envreg environment in this shell'
    set -l opts
    set -l cd
    while set -q argv[1]
        switch $argv[1]
            case -n --no-cd
                set cd --no-cd
            case -c --cd
                set cd --cd
            case -f --force
                set opts --force
            case --
                set -e argv[1]
                break
            case '-?*'
                builtin printf "envreg: workon: unknown option '%s' (workon [-n|-c] [-f] NAME)\n" $argv[1] >&2
                return 2
            case '*'
                break
        end
        set -e argv[1]
    end
    if test -z "$cd"; and test "$ENVREG_WORKON_CD" = 0
        set cd --no-cd
    end
    set -a opts $cd
    if test (count $argv) -eq 0
        # The picker only when this function's stdin, stdout and stderr are
        # all terminals; `workon | grep x` or `workon > file` lists the names.
        # Cancelling it (status 1 for Esc or Ctrl-D, 130 for Ctrl-C) prints
        # nothing.
        if isatty stdin; and isatty stdout; and isatty stderr
            set -l name (command envreg pick); or return
            test -n "$name"; or return 1
            workon $opts -- $name
            return
        end
        command envreg ls --names
        return
    end
    if test (count $argv) -gt 1
        builtin printf 'envreg: workon takes one environment name, not %s arguments\n' (count $argv) >&2
        return 2
    end
    set -l out (command envreg path --workon $opts -- $argv[1]); or return
    # The environment's directory, the hooks directory, its name (NAME may be
    # `.`), the project directory to change to (empty: stay), then KEY=VALUE
    # lines.
    set -l dir $out[1]
    set -l hooks $out[2]
    set argv $out[3]
    set -l project $out[4]
    set -l vars $out[5..-1]
    if not test -f "$dir/bin/activate.fish"; or not test -r "$dir/bin/activate.fish"
        builtin printf "envreg: environment '%s' has no readable activation script at %s; check it with 'envreg show %s'\n" \
            $argv[1] "$dir/bin/activate.fish" $argv[1] >&2
        return 1
    end
    # What to go back to if NAME's activate script fails: the environment
    # activated with a `deactivate`, or one inherited from the parent shell.
    set -l prev
    set -l prev_hooks $__envreg_hooks_dir
    set -l inherited
    set -l old_path $PATH
    set -l old_prompt $VIRTUAL_ENV_PROMPT
    # The active environment's variables, for a failed switch to put back.
    set -l keep_keys
    if functions -q deactivate
        set prev $VIRTUAL_ENV
        set keep_keys $__envreg_var_keys
        __envreg_keep_vars
        deactivate
    else if set -q VIRTUAL_ENV[1]
        set inherited $VIRTUAL_ENV
        __envreg_drop_inherited
    end
    set -g __envreg_hooks_dir $hooks
    __envreg_run_if $hooks/preactivate $argv[1]
    __envreg_run_if $dir/bin/preactivate $argv[1]
    if not __envreg_activate $dir
        __envreg_undo_failed
        set -e -g __envreg_hooks_dir
        if test -n "$prev"; and __envreg_activate $prev
            set -q prev_hooks[1]; or set prev_hooks $hooks
            set -g __envreg_hooks_dir $prev_hooks
            __envreg_unkeep_vars $keep_keys
            __envreg_source_if $prev_hooks/postactivate.fish
            __envreg_source_if $prev/bin/postactivate.fish
            builtin printf "envreg: activating '%s' failed in %s; %s is active again\n" \
                $argv[1] "$dir/bin/activate.fish" $prev >&2
        else if test -n "$inherited"
            set -gx PATH $old_path
            set -gx VIRTUAL_ENV $inherited
            set -gx VIRTUAL_ENV_PROMPT $old_prompt
            builtin printf "envreg: activating '%s' failed in %s; %s is active again\n" \
                $argv[1] "$dir/bin/activate.fish" $inherited >&2
        else if test -n "$prev"
            builtin printf "envreg: activating '%s' failed in %s, and %s could not be activated again; no environment is active\n" \
                $argv[1] "$dir/bin/activate.fish" $prev >&2
        else
            builtin printf "envreg: activating '%s' failed in %s\n" $argv[1] "$dir/bin/activate.fish" >&2
        end
        __envreg_forget_kept $keep_keys
        return 1
    end
    __envreg_forget_kept $keep_keys
    __envreg_set_vars $vars
    # Into the project before the postactivate hooks (a hook may go on from there).
    if test -n "$project"
        builtin cd -- $project
        or builtin printf "envreg: '%s' is active, but changing to its project %s failed\n" $argv[1] $project >&2
    end
    __envreg_source_if $hooks/postactivate.fish
    __envreg_source_if $dir/bin/postactivate.fish
end

complete -c workon -f -a '(command envreg ls --names 2>/dev/null)' -n 'not string match -qv -- "-*" (commandline -opc)[2..-1]'
complete -c workon -s n -l no-cd -d 'Stay in the current directory'
complete -c workon -s c -l cd -d 'Change to the project even with ENVREG_WORKON_CD=0'
complete -c workon -s f -l force -d 'Activate even a broken environment'
