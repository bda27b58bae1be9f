# envreg extras for nushell, printed by `envreg init nu` after the main hook
# (which defines `workon` and `deactivate`): virtualenvwrapper's mktmpenv,
# cdvirtualenv, cdsitepackages, lssitepackages, cdproject and mkproject. A command cannot be
# defined twice in nushell, so `deactivate` is not wrapped here: mktmpenv
# records the temporary environment's name in $env.__ENVREG_TMP and the
# hook's `deactivate` removes it.

def __envreg_active [] {
    let venv = ($env.VIRTUAL_ENV? | default '')
    if $venv == '' {
        error make --unspanned {msg: "envreg: no environment is active; run 'workon NAME' first"}
    }
    $venv
}

# The one lib/python*/site-packages (lib/pypy*/..., Lib/site-packages on
# Windows) directory of the environment in $venv.
def __envreg_site_packages [venv: string] {
    let lib = ($venv | path join 'lib')
    let found = (
        (if ($lib | path exists) {
            ls -a $lib | where type == dir | get name
            | where {|d| ($d | path basename) =~ '^(python|pypy)' }
            | each {|d| $d | path join 'site-packages' }
        } else { [] })
        | append ($venv | path join 'Lib' 'site-packages')
        | where {|d| ($d | path type) == 'dir' }
    )
    if ($found | length) != 1 {
        error make --unspanned {msg: $"envreg: expected one site-packages directory in ($venv), found ($found | length)"}
    }
    $found | first
}

# cd to the active environment, or SUBDIR in it.
def --env cdvirtualenv [subdir?: string] {
    let venv = (__envreg_active)
    cd (if $subdir == null { $venv } else { $venv | path join $subdir })
}

# cd to the active environment's site-packages, or SUBDIR in it.
def --env cdsitepackages [subdir?: string] {
    let sp = (__envreg_site_packages (__envreg_active))
    cd (if $subdir == null { $sp } else { $sp | path join $subdir })
}

# ls of the active environment's site-packages (with LS OPTIONS), then the
# directories `envreg set --add-path` put in its envreg.pth.
def --wrapped lssitepackages [...options: string] {
    let sp = (__envreg_site_packages (__envreg_active))
    let listing = (^ls ...$options -- $sp | str trim --right)
    let pth = ($sp | path join 'envreg.pth')
    if ($pth | path exists) {
        [$listing '' $"($pth):" ...(open --raw $pth | lines)] | str join (char nl)
    } else {
        $listing
    }
}

# Make a temporary environment (`envreg mkenv --temp MKENV OPTIONS`),
# activate it and cd into it. If mkenv fails nothing is activated.
def --env --wrapped mktmpenv [...options: string] {
    let dir = (^envreg mkenv --temp ...$options | lines | last)
    let name = ($dir | path basename)
    workon $name
    $env.__ENVREG_TMP = $name
    cd $dir
}

# cd to the active environment's project directory, the one its .project
# file names (as virtualenvwrapper's setvirtualenvproject writes it).
def --env cdproject [] {
    let venv = (__envreg_active)
    let file = ($venv | path join '.project')
    let project = if ($file | path exists) {
        open --raw $file | lines | get -o 0 | default ''
    } else {
        ''
    }
    if $project == '' {
        let name = ($venv | path basename)
        error make --unspanned {msg: $"envreg: the active environment '($name)' has no project; set one with 'envreg set ($name) --project DIR'"}
    }
    cd $project
}

# Make the project directory $PROJECT_HOME/NAME (or --dir DIR) and the
# environment NAME bound to it (`envreg mkproject NAME MKENV OPTIONS`),
# activate it and cd there (even with ENVREG_WORKON_CD=0). If envreg fails,
# nothing is activated.
def --env --wrapped mkproject [...args: string] {
    let name = (^envreg mkproject --workon ...$args | str trim)
    workon --cd $name
}
