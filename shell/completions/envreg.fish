# Completion for envreg in fish. Generated from envreg's command-line definition by `ENVREG_UPDATE_COMPLETIONS=1 cargo test completions`; do not edit.

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_envreg_global_optspecs
    string join \n h/help V/version
end

function __fish_envreg_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_envreg_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_envreg_using_subcommand
    set -l cmd (__fish_envreg_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c envreg -n "__fish_envreg_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_needs_command" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "mkenv" -d 'Create and register a new environment'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "ls" -d 'List the registered environments'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "rm" -d 'Remove environments (asks first on a terminal)'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "show" -d 'Show everything the registry knows about one environment'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "path" -d 'Print an environment\'s directory'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "init" -d 'Print the shell hook that defines `workon` for SHELL.'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "activate" -d 'Print the command that activates NAME in your shell (for use without the hook)'
complete -c envreg -n "__fish_envreg_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -s p -l python -d 'Interpreter: a path, a command name (python3.12, pypy3) or a version (3, 3.12, 3.12.1)' -r
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -s i -l install -d 'Install PKG with the new environment\'s pip (repeatable)' -r
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -s r -l requirement -d 'Install the requirements in FILE with the new environment\'s pip' -r -F
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -l project -d 'Project directory to associate with the environment' -r -F
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -l prompt -d 'Prompt prefix shown while the environment is active (default: the name)' -r
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -l no-pip -d 'Do not install pip (and, for Python < 3.12, setuptools) into the environment'
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -l system-site-packages -d 'Give the environment access to the base interpreter\'s site-packages'
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand mkenv" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand ls" -l json -d 'Print a JSON array instead of a table'
complete -c envreg -n "__fish_envreg_using_subcommand ls" -l names -d 'Print only the names, one per line'
complete -c envreg -n "__fish_envreg_using_subcommand ls" -s l -l long -d 'Add the path and interpreter columns to the table'
complete -c envreg -n "__fish_envreg_using_subcommand ls" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand ls" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c envreg -n "__fish_envreg_using_subcommand rm" -l force -d 'Remove the environment even if it is the active one ($VIRTUAL_ENV)'
complete -c envreg -n "__fish_envreg_using_subcommand rm" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand rm" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand show" -l json -d 'Print JSON instead of text'
complete -c envreg -n "__fish_envreg_using_subcommand show" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand show" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand path" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand path" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c envreg -n "__fish_envreg_using_subcommand init" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand activate" -l shell -d 'The shell to print the command for (default: detected)' -r -f -a "bash\t''
zsh\t''
fish\t''
tcsh\t''
xonsh\t''
nu\t''
powershell\t''"
complete -c envreg -n "__fish_envreg_using_subcommand activate" -s h -l help -d 'Print help'
complete -c envreg -n "__fish_envreg_using_subcommand activate" -s V -l version -d 'Print version'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv ls rm show path init activate help" -f -a "mkenv" -d 'Create and register a new environment'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv ls rm show path init activate help" -f -a "ls" -d 'List the registered environments'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv ls rm show path init activate help" -f -a "rm" -d 'Remove environments (asks first on a terminal)'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv ls rm show path init activate help" -f -a "show" -d 'Show everything the registry knows about one environment'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv ls rm show path init activate help" -f -a "path" -d 'Print an environment\'s directory'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv ls rm show path init activate help" -f -a "init" -d 'Print the shell hook that defines `workon` for SHELL.'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv ls rm show path init activate help" -f -a "activate" -d 'Print the command that activates NAME in your shell (for use without the hook)'
complete -c envreg -n "__fish_envreg_using_subcommand help; and not __fish_seen_subcommand_from mkenv ls rm show path init activate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c envreg -n "__fish_envreg_using_subcommand init" -f -a "bash zsh fish tcsh xonsh nu powershell"
complete -c envreg -n "__fish_envreg_using_subcommand rm show path activate" -f -a "(command envreg ls --names 2>/dev/null)"
