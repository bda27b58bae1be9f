# Activate the envreg environment __ENVREG_PROMPT__ in the current fish.
#
# This file must be sourced, not executed:
#     source __ENVREG_VENV_DIR__/__ENVREG_BIN_NAME__/activate.fish
# Leave with `deactivate`.

# Undo this activation: put back PATH, PYTHONHOME and fish_prompt, and forget
# the environment. `deactivate nondestructive` keeps the function itself.
function deactivate --description 'Leave the active virtual environment'
    if set -q _OLD_VIRTUAL_PATH
        set -gx PATH $_OLD_VIRTUAL_PATH
        set -e _OLD_VIRTUAL_PATH
    end
    if set -q _OLD_VIRTUAL_PYTHONHOME
        set -gx PYTHONHOME $_OLD_VIRTUAL_PYTHONHOME
        set -e _OLD_VIRTUAL_PYTHONHOME
    end
    if functions -q _envreg_old_fish_prompt
        functions -e fish_prompt
        functions -c _envreg_old_fish_prompt fish_prompt
        functions -e _envreg_old_fish_prompt
    end
    if set -q _ENVREG_FISH_PROMPT_ADDED
        # There was no prompt function before activation.
        functions -e fish_prompt
        set -e _ENVREG_FISH_PROMPT_ADDED
    end
    functions -e _envreg_return
    set -e VIRTUAL_ENV
    set -e VIRTUAL_ENV_PROMPT
    if test "$argv[1]" != nondestructive
        functions -e deactivate
    end
end

# Leave whatever environment was active before (keeping our deactivate).
deactivate nondestructive

set -gx VIRTUAL_ENV __ENVREG_VENV_DIR__

set -g _OLD_VIRTUAL_PATH $PATH
set -gx PATH "$VIRTUAL_ENV/"__ENVREG_BIN_NAME__ $PATH

# PYTHONHOME would stop python from finding pyvenv.cfg.
if set -q PYTHONHOME
    set -g _OLD_VIRTUAL_PYTHONHOME $PYTHONHOME
    set -e PYTHONHOME
end

set -gx VIRTUAL_ENV_PROMPT __ENVREG_PROMPT__

if test -z "$VIRTUAL_ENV_DISABLE_PROMPT"
    # Keep the user's prompt under another name and wrap it.
    if functions -q fish_prompt
        functions -c fish_prompt _envreg_old_fish_prompt
    else
        set -g _ENVREG_FISH_PROMPT_ADDED 1
    end

    # Sets $status for the wrapped prompt, which may show it.
    function _envreg_return
        return $argv[1]
    end

    function fish_prompt
        set -l last_status $status
        printf '(%s) ' $VIRTUAL_ENV_PROMPT
        if functions -q _envreg_old_fish_prompt
            _envreg_return $last_status
            _envreg_old_fish_prompt
        end
    end
end
