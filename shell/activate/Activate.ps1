# Activate the envreg environment __ENVREG_PROMPT__ in PowerShell.
#
# Run or dot-source this file; it changes only environment variables and
# global functions, so both work:
#     & __ENVREG_VENV_DIR__/__ENVREG_BIN_NAME__/Activate.ps1
# Leave with `deactivate`.

# Undo this activation: put back PATH, PYTHONHOME and the prompt function, and
# forget the environment. `deactivate -NonDestructive` keeps the function.
function global:deactivate([switch] $NonDestructive) {
    if (Test-Path -LiteralPath 'Env:_OLD_VIRTUAL_PATH') {
        $env:PATH = $env:_OLD_VIRTUAL_PATH
        Remove-Item -LiteralPath 'Env:_OLD_VIRTUAL_PATH'
    }
    if (Test-Path -LiteralPath 'Env:_OLD_VIRTUAL_PYTHONHOME') {
        $env:PYTHONHOME = $env:_OLD_VIRTUAL_PYTHONHOME
        Remove-Item -LiteralPath 'Env:_OLD_VIRTUAL_PYTHONHOME'
    }
    if (Test-Path -LiteralPath 'Function:_OLD_VIRTUAL_PROMPT') {
        Set-Item -Path 'Function:global:prompt' -Value ${Function:_OLD_VIRTUAL_PROMPT}
        Remove-Item -LiteralPath 'Function:_OLD_VIRTUAL_PROMPT'
    }
    foreach ($name in 'VIRTUAL_ENV', 'VIRTUAL_ENV_PROMPT') {
        if (Test-Path -LiteralPath "Env:$name") {
            Remove-Item -LiteralPath "Env:$name"
        }
    }
    if (-not $NonDestructive) {
        Remove-Item -LiteralPath 'Function:deactivate'
    }
}

# Leave whatever environment was active before (keeping our deactivate).
deactivate -NonDestructive

$env:VIRTUAL_ENV = __ENVREG_VENV_DIR__

$env:_OLD_VIRTUAL_PATH = $env:PATH
$env:PATH = (Join-Path $env:VIRTUAL_ENV __ENVREG_BIN_NAME__) + [System.IO.Path]::PathSeparator + $env:PATH

# PYTHONHOME would stop python from finding pyvenv.cfg.
if (Test-Path -LiteralPath 'Env:PYTHONHOME') {
    $env:_OLD_VIRTUAL_PYTHONHOME = $env:PYTHONHOME
    Remove-Item -LiteralPath 'Env:PYTHONHOME'
}

$env:VIRTUAL_ENV_PROMPT = __ENVREG_PROMPT__

if (-not $env:VIRTUAL_ENV_DISABLE_PROMPT) {
    # Keep the user's prompt under another name and wrap it.
    Set-Item -Path 'Function:global:_OLD_VIRTUAL_PROMPT' -Value ${Function:prompt}
    function global:prompt {
        Write-Host -NoNewline "($env:VIRTUAL_ENV_PROMPT) "
        _OLD_VIRTUAL_PROMPT
    }
}
