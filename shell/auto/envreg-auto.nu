# envreg auto-activation for nushell, appended to the hook by
# `envreg init nu --auto` (save it and source the saved file, as for the
# hook itself). When $env.PWD enters a directory bound to an environment
# through envreg (`envreg set --project`, `mkenv --project`, `envreg link`)
# the hook runs `workon NAME`; when it leaves, `deactivate`. An environment
# activated by hand is left alone. Nothing in the directory is trusted: the
# bindings come only from envreg's own file ENVREG_HOME/projects
# (`DIR<TAB>NAME` lines, longest DIR first).
#
# It runs from `$env.config.hooks.env_change.PWD`, so a prompt costs
# nothing; a cd within the current bound directory is a prefix test; only
# another directory reads the projects file (with `open`, in this process).
# No program is started unless the environment changes (workon runs envreg).

# The bound directory we are in, the environment the hook activated, and
# $env.VIRTUAL_ENV right after (to tell a hand change).
$env.__ENVREG_AUTO = {root: '', env: '', venv: ''}

def --env __envreg_auto_check [] {
    let pwd = $env.PWD
    let st = $env.__ENVREG_AUTO
    if $st.root != '' and ($pwd == $st.root or ($pwd | str starts-with $'($st.root)/')) {
        return
    }
    let home = ($env.ENVREG_HOME? | default '')
    let xdg = ($env.XDG_DATA_HOME? | default '')
    let file = if $home != '' {
        $home | path join 'projects'
    } else if ($xdg | str starts-with '/') {
        $xdg | path join 'envreg' 'projects'
    } else {
        $env.HOME | path join '.local' 'share' 'envreg' 'projects'
    }
    mut root = ''
    mut name = ''
    if ($file | path exists) {
        for line in (open --raw $file | decode utf-8 | lines) {
            let parts = ($line | split row --number 2 (char tab))
            if ($parts | length) == 2 {
                let d = ($parts | first)
                if $pwd == $d or ($pwd | str starts-with $'($d)/') {
                    $root = $d
                    $name = ($parts | get 1)
                    break
                }
            }
        }
    }
    mut st = ($st | upsert root $root)
    let active = ($env.VIRTUAL_ENV? | default '')
    # The environment the hook activated was deactivated or replaced by hand.
    if $st.env != '' and $active != $st.venv {
        $st = ($st | upsert env '' | upsert venv '')
    }
    if $name != '' {
        # Already the hook's, or activated by hand: nothing to do.
        if $name == $st.env or ($active != '' and $st.env == '') {
            $env.__ENVREG_AUTO = $st
            return
        }
        # ENVREG_WORKON_CD=0: activate only, no cd to the project (workon -n).
        let saved_cd = $env.ENVREG_WORKON_CD?
        $env.ENVREG_WORKON_CD = '0'
        let ok = (try { workon $name; true } catch {|e| print -e $e.msg; false })
        if $saved_cd == null {
            hide-env ENVREG_WORKON_CD
        } else {
            $env.ENVREG_WORKON_CD = $saved_cd
        }
        if $ok {
            $st = ($st | upsert env $name | upsert venv ($env.VIRTUAL_ENV? | default ''))
        }
    } else if $st.env != '' {
        $st = ($st | upsert env '' | upsert venv '')
        if '__ENVREG_SAVED' in $env {
            deactivate
        }
    }
    $env.__ENVREG_AUTO = $st
}

$env.config = ($env.config | upsert hooks.env_change.PWD (
    ($env.config.hooks?.env_change?.PWD? | default []) | append {|before, after| __envreg_auto_check }
))
