# Completion for envreg in PowerShell. Generated from envreg's command-line definition by `ENVREG_UPDATE_COMPLETIONS=1 cargo test completions`; do not edit.
Register-ArgumentCompleter -Native -CommandName 'envreg' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'envreg'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [System.Management.Automation.Language.StringConstantExpressionAst] -or
                $element.StringConstantType -ne [System.Management.Automation.Language.StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'envreg' {
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('mkenv', 'mkenv', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Create and register a new environment')
            [System.Management.Automation.CompletionResult]::new('mkproject', 'mkproject', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Create a project directory and an environment bound to it')
            [System.Management.Automation.CompletionResult]::new('ls', 'ls', [System.Management.Automation.CompletionResultType]::ParameterValue, 'List the registered environments')
            [System.Management.Automation.CompletionResult]::new('rm', 'rm', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Remove environments (asks first on a terminal)')
            [System.Management.Automation.CompletionResult]::new('adopt', 'adopt', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Register an existing venv where it is, under a name')
            [System.Management.Automation.CompletionResult]::new('import', 'import', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Register every venv of virtualenvwrapper''s, pew''s and pyenv-virtualenv''s stores')
            [System.Management.Automation.CompletionResult]::new('show', 'show', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Show everything the registry knows about one environment')
            [System.Management.Automation.CompletionResult]::new('path', 'path', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Print an environment''s directory (or its scripts directory, site-packages, python)')
            [System.Management.Automation.CompletionResult]::new('run', 'run', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Run a command with an environment active, without changing the shell')
            [System.Management.Automation.CompletionResult]::new('all', 'all', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Run a command in every environment (or those given with --only)')
            [System.Management.Automation.CompletionResult]::new('cp', 'cp', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Copy an environment, rewriting every path inside to the new one')
            [System.Management.Automation.CompletionResult]::new('mv', 'mv', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Rename an environment, rewriting every path inside to the new one')
            [System.Management.Automation.CompletionResult]::new('wipe', 'wipe', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Uninstall every package but the seed (pip, setuptools) from an environment')
            [System.Management.Automation.CompletionResult]::new('du', 'du', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Show the disk space each environment takes, the total and the cache')
            [System.Management.Automation.CompletionResult]::new('gc', 'gc', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Remove leftovers: temporary environments, unused cache, stale scratch (and old environments)')
            [System.Management.Automation.CompletionResult]::new('set', 'set', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Change an environment''s settings')
            [System.Management.Automation.CompletionResult]::new('link', 'link', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Make DIR/.venv a symlink to an environment, for tools that look for `.venv`')
            [System.Management.Automation.CompletionResult]::new('unlink', 'unlink', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Remove a `.venv` symlink that ''envreg link'' made (default DIR: the current directory)')
            [System.Management.Automation.CompletionResult]::new('doctor', 'doctor', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Check the health of every environment (or those named), with the fix for each problem')
            [System.Management.Automation.CompletionResult]::new('repair', 'repair', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Bring environments back after their Python was upgraded, moved or removed')
            [System.Management.Automation.CompletionResult]::new('init', 'init', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Print the shell hook that defines `workon` for SHELL')
            [System.Management.Automation.CompletionResult]::new('activate', 'activate', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Print the command that activates NAME in your shell (for use without the hook)')
            [System.Management.Automation.CompletionResult]::new('python', 'python', [System.Management.Automation.CompletionResultType]::ParameterValue, 'The Python interpreters envreg finds for -p')
            [System.Management.Automation.CompletionResult]::new('help', 'help', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'envreg;mkenv' {
            [System.Management.Automation.CompletionResult]::new('--project', '--project', [System.Management.Automation.CompletionResultType]::ParameterName, 'Project directory to associate with the environment (an existing directory; stored with symbolic links resolved)')
            [System.Management.Automation.CompletionResult]::new('-p', '-p', [System.Management.Automation.CompletionResultType]::ParameterName, 'Interpreter: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv''s cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv')
            [System.Management.Automation.CompletionResult]::new('--python', '--python', [System.Management.Automation.CompletionResultType]::ParameterName, 'Interpreter: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv''s cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv')
            [System.Management.Automation.CompletionResult]::new('-i', '-i', [System.Management.Automation.CompletionResultType]::ParameterName, 'Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)')
            [System.Management.Automation.CompletionResult]::new('--install', '--install', [System.Management.Automation.CompletionResultType]::ParameterName, 'Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)')
            [System.Management.Automation.CompletionResult]::new('-r', '-r', [System.Management.Automation.CompletionResultType]::ParameterName, 'Install the requirements in FILE (repeatable)')
            [System.Management.Automation.CompletionResult]::new('--requirement', '--requirement', [System.Management.Automation.CompletionResultType]::ParameterName, 'Install the requirements in FILE (repeatable)')
            [System.Management.Automation.CompletionResult]::new('--installer', '--installer', [System.Management.Automation.CompletionResultType]::ParameterName, 'What installs -i/-r: the environment''s pip, or uv (''uv pip install'', found on PATH or at ENVREG_UV; much faster, but it does not read pip.conf). Default: ENVREG_INSTALLER, else pip')
            [System.Management.Automation.CompletionResult]::new('--prompt', '--prompt', [System.Management.Automation.CompletionResultType]::ParameterName, 'Prompt prefix shown while the environment is active (default: the name)')
            [System.Management.Automation.CompletionResult]::new('--temp', '--temp', [System.Management.Automation.CompletionResultType]::ParameterName, 'Create a temporary environment with a generated name (tmp-XXXXXX); ''envreg rm --temp'' removes them all')
            [System.Management.Automation.CompletionResult]::new('--no-pip', '--no-pip', [System.Management.Automation.CompletionResultType]::ParameterName, 'Do not install pip (and, for Python < 3.12, setuptools) into the environment')
            [System.Management.Automation.CompletionResult]::new('--system-site-packages', '--system-site-packages', [System.Management.Automation.CompletionResultType]::ParameterName, 'Give the environment access to the base interpreter''s site-packages')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;mkproject' {
            [System.Management.Automation.CompletionResult]::new('--dir', '--dir', [System.Management.Automation.CompletionResultType]::ParameterName, 'The project directory to create instead of $PROJECT_HOME/NAME')
            [System.Management.Automation.CompletionResult]::new('-p', '-p', [System.Management.Automation.CompletionResultType]::ParameterName, 'Interpreter: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv''s cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv')
            [System.Management.Automation.CompletionResult]::new('--python', '--python', [System.Management.Automation.CompletionResultType]::ParameterName, 'Interpreter: a version (2.7, 3.12, 3.12.1), a name (python3.12, pypy3.10), uv''s cpython@3.12 / cpython-3.12 / pypy@3.10, or the path of an interpreter or a venv')
            [System.Management.Automation.CompletionResult]::new('-i', '-i', [System.Management.Automation.CompletionResultType]::ParameterName, 'Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)')
            [System.Management.Automation.CompletionResult]::new('--install', '--install', [System.Management.Automation.CompletionResultType]::ParameterName, 'Install PKG into the new environment, with its pip or with uv (see --installer) (repeatable)')
            [System.Management.Automation.CompletionResult]::new('-r', '-r', [System.Management.Automation.CompletionResultType]::ParameterName, 'Install the requirements in FILE (repeatable)')
            [System.Management.Automation.CompletionResult]::new('--requirement', '--requirement', [System.Management.Automation.CompletionResultType]::ParameterName, 'Install the requirements in FILE (repeatable)')
            [System.Management.Automation.CompletionResult]::new('--installer', '--installer', [System.Management.Automation.CompletionResultType]::ParameterName, 'What installs -i/-r: the environment''s pip, or uv (''uv pip install'', found on PATH or at ENVREG_UV; much faster, but it does not read pip.conf). Default: ENVREG_INSTALLER, else pip')
            [System.Management.Automation.CompletionResult]::new('--prompt', '--prompt', [System.Management.Automation.CompletionResultType]::ParameterName, 'Prompt prefix shown while the environment is active (default: the name)')
            [System.Management.Automation.CompletionResult]::new('-f', '-f', [System.Management.Automation.CompletionResultType]::ParameterName, 'Use the project directory even if it exists already')
            [System.Management.Automation.CompletionResult]::new('--force', '--force', [System.Management.Automation.CompletionResultType]::ParameterName, 'Use the project directory even if it exists already')
            [System.Management.Automation.CompletionResult]::new('--no-pip', '--no-pip', [System.Management.Automation.CompletionResultType]::ParameterName, 'Do not install pip (and, for Python < 3.12, setuptools) into the environment')
            [System.Management.Automation.CompletionResult]::new('--system-site-packages', '--system-site-packages', [System.Management.Automation.CompletionResultType]::ParameterName, 'Give the environment access to the base interpreter''s site-packages')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;ls' {
            [System.Management.Automation.CompletionResult]::new('--json', '--json', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print a JSON array instead of a table')
            [System.Management.Automation.CompletionResult]::new('--names', '--names', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print only the names, one per line')
            [System.Management.Automation.CompletionResult]::new('-l', '-l', [System.Management.Automation.CompletionResultType]::ParameterName, 'Add the path and interpreter columns to the table')
            [System.Management.Automation.CompletionResult]::new('--long', '--long', [System.Management.Automation.CompletionResultType]::ParameterName, 'Add the path and interpreter columns to the table')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;rm' {
            [System.Management.Automation.CompletionResult]::new('--temp', '--temp', [System.Management.Automation.CompletionResultType]::ParameterName, 'Remove every temporary environment (made by ''mkenv --temp'')')
            [System.Management.Automation.CompletionResult]::new('-y', '-y', [System.Management.Automation.CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [System.Management.Automation.CompletionResult]::new('--yes', '--yes', [System.Management.Automation.CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [System.Management.Automation.CompletionResult]::new('--force', '--force', [System.Management.Automation.CompletionResultType]::ParameterName, 'Remove the environment even if it is the active one ($VIRTUAL_ENV)')
            [System.Management.Automation.CompletionResult]::new('--delete', '--delete', [System.Management.Automation.CompletionResultType]::ParameterName, 'Also delete the files of environments registered from elsewhere (only directories that are venvs: with a pyvenv.cfg)')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;adopt' {
            [System.Management.Automation.CompletionResult]::new('--name', '--name', [System.Management.Automation.CompletionResultType]::ParameterName, 'The name to register it as (default: the directory''s name; for a `.venv`, `venv` or `env` directory, its parent''s name)')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;import' {
            [System.Management.Automation.CompletionResult]::new('--move', '--move', [System.Management.Automation.CompletionResultType]::ParameterName, 'Move each venv into envreg''s envs folder (paths inside rewritten) instead of registering it where it is')
            [System.Management.Automation.CompletionResult]::new('--dry-run', '--dry-run', [System.Management.Automation.CompletionResultType]::ParameterName, 'Change nothing; print what would be done')
            [System.Management.Automation.CompletionResult]::new('--json', '--json', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print a JSON array of {source, name, action, reason}')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;show' {
            [System.Management.Automation.CompletionResult]::new('--json', '--json', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;path' {
            [System.Management.Automation.CompletionResult]::new('--bin', '--bin', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print the scripts directory (bin, or Scripts on Windows)')
            [System.Management.Automation.CompletionResult]::new('--site-packages', '--site-packages', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print the site-packages directory')
            [System.Management.Automation.CompletionResult]::new('--python', '--python', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print the environment''s python')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;run' {
            [System.Management.Automation.CompletionResult]::new('--force', '--force', [System.Management.Automation.CompletionResultType]::ParameterName, 'Run even when the environment is broken or missing')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;all' {
            [System.Management.Automation.CompletionResult]::new('-j', '-j', [System.Management.Automation.CompletionResultType]::ParameterName, 'Run in up to N environments at once (output is then printed per environment when it ends)')
            [System.Management.Automation.CompletionResult]::new('--jobs', '--jobs', [System.Management.Automation.CompletionResultType]::ParameterName, 'Run in up to N environments at once (output is then printed per environment when it ends)')
            [System.Management.Automation.CompletionResult]::new('--only', '--only', [System.Management.Automation.CompletionResultType]::ParameterName, 'Only these environments (comma-separated, or repeat the option)')
            [System.Management.Automation.CompletionResult]::new('--keep-going', '--keep-going', [System.Management.Automation.CompletionResultType]::ParameterName, 'Go on after a failure (the default; accepted for compatibility)')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;cp' {
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;mv' {
            [System.Management.Automation.CompletionResult]::new('--force', '--force', [System.Management.Automation.CompletionResultType]::ParameterName, 'Rename even the active environment ($VIRTUAL_ENV)')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;wipe' {
            [System.Management.Automation.CompletionResult]::new('-y', '-y', [System.Management.Automation.CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [System.Management.Automation.CompletionResult]::new('--yes', '--yes', [System.Management.Automation.CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;du' {
            [System.Management.Automation.CompletionResult]::new('--json', '--json', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print JSON with exact byte counts instead of a table')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;gc' {
            [System.Management.Automation.CompletionResult]::new('--unused-for', '--unused-for', [System.Management.Automation.CompletionResultType]::ParameterName, 'Also remove environments last used (or, never used, created) longer ago than this: 90d, 2w, 12h, 1month')
            [System.Management.Automation.CompletionResult]::new('--dry-run', '--dry-run', [System.Management.Automation.CompletionResultType]::ParameterName, 'List what would be removed and change nothing')
            [System.Management.Automation.CompletionResult]::new('-y', '-y', [System.Management.Automation.CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [System.Management.Automation.CompletionResult]::new('--yes', '--yes', [System.Management.Automation.CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;set' {
            [System.Management.Automation.CompletionResult]::new('--system-site-packages', '--system-site-packages', [System.Management.Automation.CompletionResultType]::ParameterName, 'Give the environment access to the base interpreter''s site-packages (true/false)')
            [System.Management.Automation.CompletionResult]::new('--prompt', '--prompt', [System.Management.Automation.CompletionResultType]::ParameterName, 'Prompt prefix shown while it is active ("" for the default: the name)')
            [System.Management.Automation.CompletionResult]::new('--var', '--var', [System.Management.Automation.CompletionResultType]::ParameterName, 'Set an environment variable while it is active (repeatable)')
            [System.Management.Automation.CompletionResult]::new('--unset-var', '--unset-var', [System.Management.Automation.CompletionResultType]::ParameterName, 'Stop setting an environment variable (repeatable)')
            [System.Management.Automation.CompletionResult]::new('--add-path', '--add-path', [System.Management.Automation.CompletionResultType]::ParameterName, 'Add DIR to the environment''s sys.path (envreg.pth in site-packages)')
            [System.Management.Automation.CompletionResult]::new('--remove-path', '--remove-path', [System.Management.Automation.CompletionResultType]::ParameterName, 'Remove DIR from envreg.pth')
            [System.Management.Automation.CompletionResult]::new('--project', '--project', [System.Management.Automation.CompletionResultType]::ParameterName, 'Associate a project directory (an existing directory; stored with symbolic links resolved, and written to the environment''s .project file): `workon` changes to it')
            [System.Management.Automation.CompletionResult]::new('--no-project', '--no-project', [System.Management.Automation.CompletionResultType]::ParameterName, 'Forget the project directory (and remove the .project file)')
            [System.Management.Automation.CompletionResult]::new('--pip', '--pip', [System.Management.Automation.CompletionResultType]::ParameterName, 'Install pip into an environment made with --no-pip (from the interpreter''s bundled wheel, as mkenv does; no network)')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;link' {
            [System.Management.Automation.CompletionResult]::new('--force', '--force', [System.Management.Automation.CompletionResultType]::ParameterName, 'Replace a `.venv` that links to another registered environment')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;unlink' {
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;doctor' {
            [System.Management.Automation.CompletionResult]::new('--json', '--json', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print JSON: {"envs": [{name, path, status, python, problems: [{kind, message, fix}]}], "home": {path, problems}}')
            [System.Management.Automation.CompletionResult]::new('--deep', '--deep', [System.Management.Automation.CompletionResultType]::ParameterName, 'Also run each healthy environment''s python (import sys, site) and ''pip check''')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;repair' {
            [System.Management.Automation.CompletionResult]::new('-p', '-p', [System.Management.Automation.CompletionResultType]::ParameterName, 'Rebuild on this interpreter (same forms as ''mkenv -p''), even when the old one is fine')
            [System.Management.Automation.CompletionResult]::new('--python', '--python', [System.Management.Automation.CompletionResultType]::ParameterName, 'Rebuild on this interpreter (same forms as ''mkenv -p''), even when the old one is fine')
            [System.Management.Automation.CompletionResult]::new('--all', '--all', [System.Management.Automation.CompletionResultType]::ParameterName, 'Repair every environment that needs it')
            [System.Management.Automation.CompletionResult]::new('--dry-run', '--dry-run', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print what each environment needs (nothing, re-point, rebuild and its packages); change nothing')
            [System.Management.Automation.CompletionResult]::new('--allow-partial', '--allow-partial', [System.Management.Automation.CompletionResultType]::ParameterName, 'Swap in a rebuilt environment even when some packages failed to install (they are listed)')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;init' {
            [System.Management.Automation.CompletionResult]::new('--vew', '--vew', [System.Management.Automation.CompletionResultType]::ParameterName, 'Also define virtualenvwrapper''s commands (mkvirtualenv, rmvirtualenv, lsvirtualenv, ...) and run its hook files (bash, zsh; fish: a subset)')
            [System.Management.Automation.CompletionResult]::new('--auto', '--auto', [System.Management.Automation.CompletionResultType]::ParameterName, 'Also activate the environment bound to the current directory on every cd, and deactivate it on leaving (bash, zsh, fish, xonsh and nu)')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('bash', 'bash', [System.Management.Automation.CompletionResultType]::ParameterValue, 'bash')
            [System.Management.Automation.CompletionResult]::new('zsh', 'zsh', [System.Management.Automation.CompletionResultType]::ParameterValue, 'zsh')
            [System.Management.Automation.CompletionResult]::new('fish', 'fish', [System.Management.Automation.CompletionResultType]::ParameterValue, 'fish')
            [System.Management.Automation.CompletionResult]::new('tcsh', 'tcsh', [System.Management.Automation.CompletionResultType]::ParameterValue, 'tcsh')
            [System.Management.Automation.CompletionResult]::new('xonsh', 'xonsh', [System.Management.Automation.CompletionResultType]::ParameterValue, 'xonsh')
            [System.Management.Automation.CompletionResult]::new('nu', 'nu', [System.Management.Automation.CompletionResultType]::ParameterValue, 'nu')
            [System.Management.Automation.CompletionResult]::new('powershell', 'powershell', [System.Management.Automation.CompletionResultType]::ParameterValue, 'powershell')
            break
        }
        'envreg;activate' {
            [System.Management.Automation.CompletionResult]::new('--shell', '--shell', [System.Management.Automation.CompletionResultType]::ParameterName, 'The shell to print the command for (default: detected)')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            & envreg ls --names 2>$null | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }
            break
        }
        'envreg;python' {
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('ls', 'ls', [System.Management.Automation.CompletionResultType]::ParameterValue, 'List the interpreters found on PATH, in pyenv''s versions and among uv-managed Pythons, with implementation, version and where each was found')
            [System.Management.Automation.CompletionResult]::new('help', 'help', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'envreg;python;ls' {
            [System.Management.Automation.CompletionResult]::new('--json', '--json', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print a JSON array (source, path, implementation, version, free_threaded, executable)')
            [System.Management.Automation.CompletionResult]::new('-h', '-h', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('--help', '--help', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print help')
            [System.Management.Automation.CompletionResult]::new('-V', '-V ', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            [System.Management.Automation.CompletionResult]::new('--version', '--version', [System.Management.Automation.CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'envreg;python;help' {
            [System.Management.Automation.CompletionResult]::new('ls', 'ls', [System.Management.Automation.CompletionResultType]::ParameterValue, 'List the interpreters found on PATH, in pyenv''s versions and among uv-managed Pythons, with implementation, version and where each was found')
            [System.Management.Automation.CompletionResult]::new('help', 'help', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'envreg;python;help;ls' {
            break
        }
        'envreg;python;help;help' {
            break
        }
        'envreg;help' {
            [System.Management.Automation.CompletionResult]::new('mkenv', 'mkenv', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Create and register a new environment')
            [System.Management.Automation.CompletionResult]::new('mkproject', 'mkproject', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Create a project directory and an environment bound to it')
            [System.Management.Automation.CompletionResult]::new('ls', 'ls', [System.Management.Automation.CompletionResultType]::ParameterValue, 'List the registered environments')
            [System.Management.Automation.CompletionResult]::new('rm', 'rm', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Remove environments (asks first on a terminal)')
            [System.Management.Automation.CompletionResult]::new('adopt', 'adopt', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Register an existing venv where it is, under a name')
            [System.Management.Automation.CompletionResult]::new('import', 'import', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Register every venv of virtualenvwrapper''s, pew''s and pyenv-virtualenv''s stores')
            [System.Management.Automation.CompletionResult]::new('show', 'show', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Show everything the registry knows about one environment')
            [System.Management.Automation.CompletionResult]::new('path', 'path', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Print an environment''s directory (or its scripts directory, site-packages, python)')
            [System.Management.Automation.CompletionResult]::new('run', 'run', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Run a command with an environment active, without changing the shell')
            [System.Management.Automation.CompletionResult]::new('all', 'all', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Run a command in every environment (or those given with --only)')
            [System.Management.Automation.CompletionResult]::new('cp', 'cp', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Copy an environment, rewriting every path inside to the new one')
            [System.Management.Automation.CompletionResult]::new('mv', 'mv', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Rename an environment, rewriting every path inside to the new one')
            [System.Management.Automation.CompletionResult]::new('wipe', 'wipe', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Uninstall every package but the seed (pip, setuptools) from an environment')
            [System.Management.Automation.CompletionResult]::new('du', 'du', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Show the disk space each environment takes, the total and the cache')
            [System.Management.Automation.CompletionResult]::new('gc', 'gc', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Remove leftovers: temporary environments, unused cache, stale scratch (and old environments)')
            [System.Management.Automation.CompletionResult]::new('set', 'set', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Change an environment''s settings')
            [System.Management.Automation.CompletionResult]::new('link', 'link', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Make DIR/.venv a symlink to an environment, for tools that look for `.venv`')
            [System.Management.Automation.CompletionResult]::new('unlink', 'unlink', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Remove a `.venv` symlink that ''envreg link'' made (default DIR: the current directory)')
            [System.Management.Automation.CompletionResult]::new('doctor', 'doctor', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Check the health of every environment (or those named), with the fix for each problem')
            [System.Management.Automation.CompletionResult]::new('repair', 'repair', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Bring environments back after their Python was upgraded, moved or removed')
            [System.Management.Automation.CompletionResult]::new('init', 'init', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Print the shell hook that defines `workon` for SHELL')
            [System.Management.Automation.CompletionResult]::new('activate', 'activate', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Print the command that activates NAME in your shell (for use without the hook)')
            [System.Management.Automation.CompletionResult]::new('python', 'python', [System.Management.Automation.CompletionResultType]::ParameterValue, 'The Python interpreters envreg finds for -p')
            [System.Management.Automation.CompletionResult]::new('help', 'help', [System.Management.Automation.CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'envreg;help;mkenv' {
            break
        }
        'envreg;help;mkproject' {
            break
        }
        'envreg;help;ls' {
            break
        }
        'envreg;help;rm' {
            break
        }
        'envreg;help;adopt' {
            break
        }
        'envreg;help;import' {
            break
        }
        'envreg;help;show' {
            break
        }
        'envreg;help;path' {
            break
        }
        'envreg;help;run' {
            break
        }
        'envreg;help;all' {
            break
        }
        'envreg;help;cp' {
            break
        }
        'envreg;help;mv' {
            break
        }
        'envreg;help;wipe' {
            break
        }
        'envreg;help;du' {
            break
        }
        'envreg;help;gc' {
            break
        }
        'envreg;help;set' {
            break
        }
        'envreg;help;link' {
            break
        }
        'envreg;help;unlink' {
            break
        }
        'envreg;help;doctor' {
            break
        }
        'envreg;help;repair' {
            break
        }
        'envreg;help;init' {
            break
        }
        'envreg;help;activate' {
            break
        }
        'envreg;help;python' {
            [System.Management.Automation.CompletionResult]::new('ls', 'ls', [System.Management.Automation.CompletionResultType]::ParameterValue, 'List the interpreters found on PATH, in pyenv''s versions and among uv-managed Pythons, with implementation, version and where each was found')
            break
        }
        'envreg;help;python;ls' {
            break
        }
        'envreg;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
