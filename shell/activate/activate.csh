# Activate the envreg environment __ENVREG_PROMPT__ in the current csh or tcsh.
#
# This file must be sourced, not executed:
#     source __ENVREG_VENV_DIR__/__ENVREG_BIN_NAME__/activate.csh
# Leave with `deactivate`.

# csh has aliases, not functions: `deactivate` puts back PATH, PYTHONHOME and
# the prompt, forgets the environment, and removes itself unless called as
# `deactivate nondestructive`. The `eval`s delay variable substitution until
# the variable is known to exist.
alias deactivate 'if ($?_OLD_VIRTUAL_PATH) eval '\''setenv PATH "$_OLD_VIRTUAL_PATH:q"'\''; unset _OLD_VIRTUAL_PATH; if ($?_OLD_VIRTUAL_PYTHONHOME) eval '\''setenv PYTHONHOME "$_OLD_VIRTUAL_PYTHONHOME:q"'\''; unset _OLD_VIRTUAL_PYTHONHOME; if ($?_OLD_VIRTUAL_PROMPT) eval '\''set prompt = "$_OLD_VIRTUAL_PROMPT:q"'\''; unset _OLD_VIRTUAL_PROMPT; if ($?_ENVREG_PROMPT_WAS_UNSET) unset prompt; unset _ENVREG_PROMPT_WAS_UNSET; unsetenv VIRTUAL_ENV; unsetenv VIRTUAL_ENV_PROMPT; rehash; if ("\!:*" != nondestructive) unalias deactivate'

# Leave whatever environment was active before (keeping our deactivate).
deactivate nondestructive

setenv VIRTUAL_ENV __ENVREG_VENV_DIR__

set _OLD_VIRTUAL_PATH = "$PATH:q"
setenv PATH "${VIRTUAL_ENV:q}/"__ENVREG_BIN_NAME__":${PATH:q}"

# PYTHONHOME would stop python from finding pyvenv.cfg.
if ($?PYTHONHOME) then
    set _OLD_VIRTUAL_PYTHONHOME = "$PYTHONHOME:q"
    unsetenv PYTHONHOME
endif

setenv VIRTUAL_ENV_PROMPT __ENVREG_PROMPT__

set _envreg_prompt_on = 1
if ($?VIRTUAL_ENV_DISABLE_PROMPT) then
    if ("$VIRTUAL_ENV_DISABLE_PROMPT:q" != "") set _envreg_prompt_on = 0
endif
# The prompt text is shown literally: tcsh runs nothing in a prompt, but
# reads `%` and `\` sequences there, so each `%` and `\` is doubled.
if ($_envreg_prompt_on) then
    if ($?prompt) then
        set _OLD_VIRTUAL_PROMPT = "$prompt:q"
        set prompt = "("__ENVREG_PROMPT_CSH__") $prompt:q"
    else
        set _ENVREG_PROMPT_WAS_UNSET = 1
        set prompt = "("__ENVREG_PROMPT_CSH__") "
    endif
endif
unset _envreg_prompt_on

rehash
