# envreg hook for PowerShell: defines `workon` and completion of environment
# names. Add this line to your $PROFILE:
#
#     Invoke-Expression (& envreg init powershell | Out-String)
#
# or dot-source this file. Loading it starts no program; `workon NAME` runs
# `envreg path` once. User hooks for PowerShell are the files ending `.ps1`:
# preactivate.ps1 is run with the name as argument, the others dot-sourced.

function global:__envreg_HooksDir {
    $root = $env:ENVREG_HOME
    if (-not $root) {
        if ($env:XDG_DATA_HOME) {
            $root = Join-Path $env:XDG_DATA_HOME 'envreg'
        } elseif ($env:LOCALAPPDATA) {
            $root = Join-Path $env:LOCALAPPDATA 'envreg'
        } else {
            $root = Join-Path (Join-Path (Join-Path $HOME '.local') 'share') 'envreg'
        }
    }
    Join-Path $root 'hooks'
}

function global:__envreg_BinDir([string] $EnvDir) {
    $scripts = Join-Path $EnvDir 'Scripts'
    if (Test-Path -LiteralPath (Join-Path $scripts 'Activate.ps1')) { return $scripts }
    Join-Path $EnvDir 'bin'
}

# The wrapped `deactivate`: per-env predeactivate, global predeactivate, the
# activate script's own deactivate, then per-env postdeactivate and global
# postdeactivate (virtualenvwrapper's order).
function global:__envreg_Deactivate([switch] $NonDestructive) {
    $envDir = $env:VIRTUAL_ENV
    $hooks = __envreg_HooksDir
    $bin = if ($envDir) { __envreg_BinDir $envDir } else { $null }
    if ($bin -and (Test-Path -LiteralPath (Join-Path $bin 'predeactivate.ps1'))) { . (Join-Path $bin 'predeactivate.ps1') }
    if (Test-Path -LiteralPath (Join-Path $hooks 'predeactivate.ps1')) { . (Join-Path $hooks 'predeactivate.ps1') }
    __envreg_VenvDeactivate -NonDestructive:$NonDestructive
    if (-not $NonDestructive) {
        Remove-Item -LiteralPath 'Function:__envreg_VenvDeactivate' -ErrorAction SilentlyContinue
        Remove-Item -LiteralPath 'Function:deactivate' -ErrorAction SilentlyContinue
    }
    $ENVREG_LAST_ENV = $envDir
    $VIRTUALENVWRAPPER_LAST_VIRTUALENV = $envDir
    if ($bin -and (Test-Path -LiteralPath (Join-Path $bin 'postdeactivate.ps1'))) { . (Join-Path $bin 'postdeactivate.ps1') }
    if (Test-Path -LiteralPath (Join-Path $hooks 'postdeactivate.ps1')) { . (Join-Path $hooks 'postdeactivate.ps1') }
}

# workon NAME: activate environment NAME in this shell, leaving the current
# one first. Bare `workon` lists the names, or opens a picker on a terminal.
function global:workon {
    param([Parameter(Position = 0)] [string] $Name)
    if (-not $Name) {
        if (-not [Console]::IsInputRedirected -and -not [Console]::IsErrorRedirected) {
            $picked = & envreg pick
            if ($LASTEXITCODE -ne 0 -or -not $picked) { return }
            $Name = "$picked".Trim()
        } else {
            & envreg ls --names
            return
        }
    }
    $dir = & envreg path --touch -- $Name
    if ($LASTEXITCODE -ne 0) { return }
    $dir = "$dir".Trim()
    $bin = __envreg_BinDir $dir
    $script = Join-Path $bin 'Activate.ps1'
    if (-not (Test-Path -LiteralPath $script)) {
        Write-Error "envreg: environment '$Name' has no activation script at $script; check it with 'envreg show $Name'"
        return
    }
    if (Test-Path -LiteralPath 'Function:deactivate') {
        deactivate
    } elseif ($env:VIRTUAL_ENV) {
        # A shell started inside an activated environment: drop it by hand.
        $stale = __envreg_BinDir $env:VIRTUAL_ENV
        $sep = [System.IO.Path]::PathSeparator
        $env:PATH = (($env:PATH -split [regex]::Escape($sep)) | Where-Object { $_ -ne $stale }) -join $sep
        Remove-Item -LiteralPath 'Env:VIRTUAL_ENV', 'Env:VIRTUAL_ENV_PROMPT' -ErrorAction SilentlyContinue
    }
    $hooks = __envreg_HooksDir
    if (Test-Path -LiteralPath (Join-Path $hooks 'preactivate.ps1')) { & (Join-Path $hooks 'preactivate.ps1') $Name }
    if (Test-Path -LiteralPath (Join-Path $bin 'preactivate.ps1')) { & (Join-Path $bin 'preactivate.ps1') $Name }
    & $script
    if (Test-Path -LiteralPath 'Function:deactivate') {
        Set-Item -Path 'Function:global:__envreg_VenvDeactivate' -Value ${Function:deactivate}
        Set-Item -Path 'Function:global:deactivate' -Value {
            param([switch] $NonDestructive)
            __envreg_Deactivate -NonDestructive:$NonDestructive
        }
    }
    if (Test-Path -LiteralPath (Join-Path $hooks 'postactivate.ps1')) { . (Join-Path $hooks 'postactivate.ps1') }
    if (Test-Path -LiteralPath (Join-Path $bin 'postactivate.ps1')) { . (Join-Path $bin 'postactivate.ps1') }
}

Register-ArgumentCompleter -CommandName workon -ParameterName Name -ScriptBlock {
    param($commandName, $parameterName, $wordToComplete)
    & envreg ls --names 2>$null | Where-Object { $_ -like "$wordToComplete*" } |
        ForEach-Object { [System.Management.Automation.CompletionResult]::new($_) }
}
