# envreg hook for fish: defines `workon` and completion for `workon` and
# `envreg`. Add this line to ~/.config/fish/config.fish:
#
#     envreg init fish | source
#
# or source this file directly. Sourcing it starts no program; `workon NAME`
# runs `envreg path` once. User hooks for fish are the files ending `.fish`.

function __envreg_hooks_dir --description 'Print the global envreg hooks directory'
    if test -n "$ENVREG_HOME"
        echo $ENVREG_HOME/hooks
    else if test -n "$XDG_DATA_HOME"
        echo $XDG_DATA_HOME/envreg/hooks
    else
        echo $HOME/.local/share/envreg/hooks
    end
end

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
    set -l hooks (__envreg_hooks_dir)
    __envreg_source_if $env/bin/predeactivate.fish
    __envreg_source_if $hooks/predeactivate.fish
    __envreg_venv_deactivate $argv
    if test "$argv[1]" != nondestructive
        functions -e __envreg_venv_deactivate deactivate
    end
    # What virtualenvwrapper's postdeactivate hooks expect; gone afterwards.
    set -g ENVREG_LAST_ENV $env
    set -g VIRTUALENVWRAPPER_LAST_VIRTUALENV $env
    __envreg_source_if $env/bin/postdeactivate.fish
    __envreg_source_if $hooks/postdeactivate.fish
    set -e -g ENVREG_LAST_ENV
    set -e -g VIRTUALENVWRAPPER_LAST_VIRTUALENV
end

function workon --description 'Activate an envreg environment in this shell'
    if test (count $argv) -eq 0
        if isatty stdin; and isatty stderr
            set -l name (command envreg pick); or return 1
            test -n "$name"; or return 1
            workon $name
            return
        end
        command envreg ls --names
        return
    end
    if test (count $argv) -gt 1
        printf 'envreg: workon takes one environment name, not %s arguments\n' (count $argv) >&2
        return 2
    end
    set -l dir (command envreg path --touch -- $argv[1]); or return
    if not test -f "$dir/bin/activate.fish"
        printf "envreg: environment '%s' has no activation script at %s; check it with 'envreg show %s'\n" \
            $argv[1] "$dir/bin/activate.fish" $argv[1] >&2
        return 1
    end
    if functions -q deactivate
        deactivate
    else if set -q VIRTUAL_ENV[1]
        __envreg_drop_inherited
    end
    set -l hooks (__envreg_hooks_dir)
    __envreg_run_if $hooks/preactivate $argv[1]
    __envreg_run_if $dir/bin/preactivate $argv[1]
    builtin source $dir/bin/activate.fish; or return
    if functions -q deactivate
        functions -e __envreg_venv_deactivate
        functions -c deactivate __envreg_venv_deactivate
        functions -e deactivate
        function deactivate --description 'Leave the active envreg environment'
            __envreg_deactivate $argv
        end
    end
    __envreg_source_if $hooks/postactivate.fish
    __envreg_source_if $dir/bin/postactivate.fish
end

complete -c workon -f -a '(command envreg ls --names 2>/dev/null)' -n 'test (count (commandline -opc)) -eq 1'
complete -c envreg -f -n __fish_use_subcommand -a 'mkenv ls rm show path init activate help'
complete -c envreg -f -n '__fish_seen_subcommand_from rm show path activate' -a '(command envreg ls --names 2>/dev/null)'
complete -c envreg -f -n '__fish_seen_subcommand_from init' -a 'bash zsh fish tcsh xonsh nu powershell'
