# Activate the envreg environment __ENVREG_PROMPT__ in nushell (0.106 or newer):
#     overlay use __ENVREG_VENV_DIR__/__ENVREG_BIN_NAME__/activate.nu
# Leave with `deactivate` (an alias for `overlay hide activate`): hiding the
# overlay puts back every variable this file changed.

export-env {
    let venv_dir = __ENVREG_VENV_DIR__
    let bin_dir = ([$venv_dir __ENVREG_BIN_NAME__] | path join)
    let venv_prompt = __ENVREG_PROMPT__

    # Windows spells it Path, everyone else PATH.
    let path_var = if 'Path' in $env { 'Path' } else { 'PATH' }
    let old_path = ($env | get $path_var)
    let old_path = if ($old_path | describe | str starts-with 'list') {
        $old_path
    } else {
        $old_path | split row (char esep)
    }

    mut changes = {
        $path_var: ($old_path | prepend $bin_dir)
        VIRTUAL_ENV: $venv_dir
        VIRTUAL_ENV_PROMPT: $venv_prompt
    }

    let disabled = ($env.VIRTUAL_ENV_DISABLE_PROMPT? | default '' | into string)
    if $disabled == '' {
        let prefix = $'(char lparen)($venv_prompt)(char rparen) '
        let old_prompt = ($env.PROMPT_COMMAND? | default '')
        let new_prompt = if ($old_prompt | describe | str starts-with 'closure') {
            {|| $'($prefix)(do $old_prompt)' }
        } else {
            {|| $'($prefix)($old_prompt)' }
        }
        $changes = ($changes | merge { PROMPT_COMMAND: $new_prompt })
    }

    # PYTHONHOME would stop python from finding pyvenv.cfg.
    if 'PYTHONHOME' in $env {
        hide-env PYTHONHOME
    }
    load-env $changes
}

export alias deactivate = overlay hide activate
