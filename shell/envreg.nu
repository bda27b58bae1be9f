# envreg hook for nushell: defines `workon`, `deactivate` and completion of
# environment names. nushell sources files at parse time, so save the hook
# once and source the saved file from config.nu:
#
#     envreg init nu | save -f ~/.envreg.nu
#     source ~/.envreg.nu
#
# Sourcing it starts no program; `workon NAME` runs `envreg path --workon`
# once, which prints the environment's directory (and the global hooks
# directory, unused here, its name, the project directory to change to, then
# the variables of `envreg set --var`, which workon exports and deactivate
# restores): the hook resolves no path itself.
# `overlay use` needs a path known at parse time, so this hook activates the
# environment itself, the way bin/activate.nu does, and keeps what it changed
# in $env.__ENVREG_SAVED so `deactivate` can put it back. nushell gets no user
# hooks (they would have to be sourced at parse time).

# `workon` is set up in this shell: exported so that envreg (its `mkenv`
# hint) can tell.
$env.ENVREG_SHELL = 'nu'

def __envreg_names [] {
    ^envreg ls --names | lines
}

# The environment's prompt: pyvenv.cfg's `prompt`, else the directory name.
def __envreg_prompt [dir: string] {
    let cfg = ($dir | path join 'pyvenv.cfg')
    let found = if ($cfg | path exists) {
        open --raw $cfg | lines | parse --regex '^\s*prompt\s*=\s*(?<v>.*?)\s*$' | get v
    } else {
        []
    }
    if ($found | is-empty) {
        $dir | path basename
    } else {
        $found | first | str trim --char "'" | str trim --char '"'
    }
}

# Leave the environment entered with `workon`: put back PATH, the prompt,
# VIRTUAL_ENV, VIRTUAL_ENV_PROMPT, PYTHONHOME and the variables of `envreg set
# --var` exactly as they were.
def --env deactivate [] {
    if not ('__ENVREG_SAVED' in $env) {
        error make --unspanned {msg: 'deactivate: no envreg environment is active'}
    }
    let saved = $env.__ENVREG_SAVED
    load-env {($saved.path_var): $saved.path}
    for var in ['VIRTUAL_ENV' 'VIRTUAL_ENV_PROMPT' 'PYTHONHOME' 'PROMPT_COMMAND'] {
        let old = ($saved.vars | get $var)
        if $old.set {
            load-env {$var: $old.value}
        } else {
            hide-env -i $var
        }
    }
    # The variables of `envreg set --var`, back to what they were.
    for var in ($saved.user | columns) {
        let old = ($saved.user | get $var)
        if $old.set {
            load-env {$var: $old.value}
        } else {
            hide-env -i $var
        }
    }
    hide-env __ENVREG_SAVED
    # A temporary environment made by `mktmpenv` (see the extras) goes with
    # it; nushell cannot stay in a deleted directory, so from inside it we
    # go home first.
    if ('__ENVREG_TMP' in $env) {
        let tmp = $env.__ENVREG_TMP
        hide-env __ENVREG_TMP
        let dir = (^envreg path -- $tmp | str trim)
        if ($env.PWD | str starts-with $dir) {
            cd ~
        }
        ^envreg rm -y --force -- $tmp
    }
}

# Activate environment NAME in this shell, leaving the current one first,
# and change to its project directory if it has one (not with --no-cd or
# ENVREG_WORKON_CD=0, unless --cd). NAME `.` is the environment whose project
# holds the current directory. Bare `workon` lists the names, or opens a
# picker on a terminal. `deactivate` does not change back.
def --env workon [
    name?: string@__envreg_names
    --no-cd (-n) # stay in the current directory
    --cd (-c) # change to the project even with ENVREG_WORKON_CD=0
    --force (-f) # activate even a broken environment
] {
    mut opts = []
    if $force {
        $opts = ($opts | append '--force')
    }
    if $cd {
        $opts = ($opts | append '--cd')
    } else if $no_cd {
        $opts = ($opts | append '--no-cd')
    }
    mut name = $name
    if $name == null {
        # `is-terminal` looks at nushell's own stdin, stdout and stderr: a
        # pipeline inside nu (`workon | lines`) does not count as one.
        if (is-terminal --stdin) and (is-terminal --stdout) and (is-terminal --stderr) {
            let picked = (try { ^envreg pick | str trim } catch { '' })
            if $picked == '' {
                return
            }
            $name = $picked
        } else {
            return (^envreg ls --names)
        }
    }
    # The environment's directory, the hooks directory (unused here), its
    # name (NAME may be `.`), the project directory to change to (empty:
    # stay), then KEY=VALUE lines: the variables of `envreg set --var`.
    let out = (^envreg path --workon ...$opts -- $name | lines)
    let dir = ($out | first)
    let name = ($out | get 2)
    let project = ($out | get -o 3 | default '')
    let user = ($out | skip 4 | reduce --fold {} {|line, acc|
        let kv = ($line | split row --number 2 '=')
        $acc | insert ($kv | first) ($kv | get 1)
    })
    let bin = ($dir | path join 'bin')
    if not ($bin | path exists) {
        error make --unspanned {msg: $"envreg: environment '($name)' has no bin directory at ($bin); check it with 'envreg show ($name)'"}
    }
    # Everything that can fail is read before the current environment is
    # left: nushell keeps the changes a failing command made to $env.
    let prompt = (__envreg_prompt $dir)
    if '__ENVREG_SAVED' in $env {
        deactivate
    }
    let path_var = if 'Path' in $env { 'Path' } else { 'PATH' }
    let raw_path = ($env | get $path_var)
    mut old_path = if ($raw_path | describe | str starts-with 'list') {
        $raw_path
    } else {
        $raw_path | split row (char esep)
    }
    # A shell started inside an activated environment: drop that one by hand.
    let inherited = ($env.VIRTUAL_ENV? | default '')
    if $inherited != '' {
        let stale = ($inherited | path join 'bin')
        $old_path = ($old_path | where {|p| $p != $stale })
        hide-env -i VIRTUAL_ENV
        hide-env -i VIRTUAL_ENV_PROMPT
    }
    mut vars = {}
    for var in ['VIRTUAL_ENV' 'VIRTUAL_ENV_PROMPT' 'PYTHONHOME' 'PROMPT_COMMAND'] {
        $vars = ($vars | insert $var {set: ($var in $env), value: ($env | get -o $var)})
    }
    mut saved_user = {}
    for var in ($user | columns) {
        $saved_user = ($saved_user | insert $var {set: ($var in $env), value: ($env | get -o $var)})
    }
    mut changes = {
        __ENVREG_SAVED: {path_var: $path_var, path: $old_path, vars: $vars, user: $saved_user}
        $path_var: ($old_path | prepend $bin)
        VIRTUAL_ENV: $dir
        VIRTUAL_ENV_PROMPT: $prompt
    }
    if ($env.VIRTUAL_ENV_DISABLE_PROMPT? | default '' | into string) == '' {
        let prefix = $'(char lparen)($prompt)(char rparen) '
        let old_prompt = ($env.PROMPT_COMMAND? | default '')
        let new_prompt = if ($old_prompt | describe | str starts-with 'closure') {
            {|| $'($prefix)(do $old_prompt)' }
        } else {
            {|| $'($prefix)($old_prompt)' }
        }
        # `merge`, not `insert`: insert would call the closure and store its result.
        $changes = ($changes | merge {PROMPT_COMMAND: $new_prompt})
    }
    hide-env -i PYTHONHOME
    load-env ($changes | merge $user)
    if $project != '' {
        cd $project
    }
}
