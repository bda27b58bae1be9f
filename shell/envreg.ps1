# envreg hook for PowerShell: defines `workon` and completion of environment
# names. Add this line to your $PROFILE:
#
#     Invoke-Expression (& envreg init powershell | Out-String)
#
# or dot-source this file. Loading it starts no program; `workon NAME` runs
# `envreg path --workon` once, which prints the environment's directory, the
# global hooks directory, its name and the project directory to change to
# (then the variables of `envreg set --var`, which workon exports and
# deactivate restores): the hook resolves no path
# itself. User hooks for PowerShell are the files ending `.ps1`:
# preactivate.ps1 is run with the name as argument, the others dot-sourced.

# `workon` is set up in this shell: exported so that envreg (its `mkenv`
# hint) can tell.
$env:ENVREG_SHELL = 'powershell'

function global:__envreg_BinDir([string] $EnvDir) {
    $scripts = Join-Path $EnvDir 'Scripts'
    if (Test-Path -LiteralPath (Join-Path $scripts 'Activate.ps1')) { return $scripts }
    Join-Path $EnvDir 'bin'
}

# The wrapped `deactivate`: per-env predeactivate, global predeactivate, the
# activate script's own deactivate, then per-env postdeactivate and global
# postdeactivate (virtualenvwrapper's order).
# The variables of `envreg set --var`: workon sets them after the activate
# script succeeded, and deactivate restores what each was before. The state
# is $global:__envreg_Vars, gone when nothing is applied: one entry (Name,
# Set, Value) per variable, what it was before. (An empty value removes an
# environment variable in PowerShell before 7.5.)

# Give environment variable $Name the value $Value, or remove it if not $IsSet.
function global:__envreg_PutVar([string] $Name, [bool] $IsSet, [string] $Value) {
    if ($IsSet) {
        Set-Item -LiteralPath "Env:$Name" -Value $Value
    } else {
        Remove-Item -LiteralPath "Env:$Name" -ErrorAction SilentlyContinue
    }
}

# What each of the variables $Names is now: entries for __envreg_PutVar.
function global:__envreg_SnapVars([string[]] $Names) {
    foreach ($name in $Names) {
        $item = Get-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue
        [pscustomobject]@{ Name = $name; Set = ($null -ne $item); Value = $(if ($null -ne $item) { $item.Value } else { $null }) }
    }
}

# Set the KEY=VALUE lines $Lines, remembering what each variable was.
function global:__envreg_SetVars([string[]] $Lines) {
    $pairs = @(foreach ($line in $Lines) { , $line.Split([char]'=', 2) })
    if ($pairs.Count -eq 0) { return }
    $global:__envreg_Vars = @(__envreg_SnapVars @($pairs | ForEach-Object { $_[0] }))
    foreach ($pair in $pairs) { __envreg_PutVar $pair[0] $true $pair[1] }
}

# Restore the variables __envreg_SetVars set, and forget them.
function global:__envreg_RestoreVars {
    $saved = @($global:__envreg_Vars | Where-Object { $null -ne $_ })
    for ($i = $saved.Count - 1; $i -ge 0; $i--) {
        __envreg_PutVar $saved[$i].Name $saved[$i].Set $saved[$i].Value
    }
    Remove-Variable -Name '__envreg_Vars' -Scope Global -ErrorAction SilentlyContinue
}

function global:__envreg_Deactivate([switch] $NonDestructive) {
    $envDir = $env:VIRTUAL_ENV
    $hooks = $global:__envreg_HooksDir
    $bin = if ($envDir) { __envreg_BinDir $envDir } else { $null }
    if ($bin -and (Test-Path -LiteralPath (Join-Path $bin 'predeactivate.ps1'))) { . (Join-Path $bin 'predeactivate.ps1') }
    if ($hooks -and (Test-Path -LiteralPath (Join-Path $hooks 'predeactivate.ps1'))) { . (Join-Path $hooks 'predeactivate.ps1') }
    __envreg_VenvDeactivate -NonDestructive:$NonDestructive
    if (-not $NonDestructive) {
        Remove-Item -LiteralPath 'Function:__envreg_VenvDeactivate' -ErrorAction SilentlyContinue
        Remove-Item -LiteralPath 'Function:deactivate' -ErrorAction SilentlyContinue
        Remove-Variable -Name '__envreg_HooksDir' -Scope Global -ErrorAction SilentlyContinue
        __envreg_RestoreVars
    }
    $ENVREG_LAST_ENV = $envDir
    $VIRTUALENVWRAPPER_LAST_VIRTUALENV = $envDir
    if ($bin -and (Test-Path -LiteralPath (Join-Path $bin 'postdeactivate.ps1'))) { . (Join-Path $bin 'postdeactivate.ps1') }
    if ($hooks -and (Test-Path -LiteralPath (Join-Path $hooks 'postdeactivate.ps1'))) { . (Join-Path $hooks 'postdeactivate.ps1') }
}

# Run the Activate.ps1 in $Bin and wrap its `deactivate` with the user
# hooks; $false if the script threw or reported an error.
function global:__envreg_Activate([string] $Bin) {
    Remove-Item -LiteralPath 'Function:deactivate' -ErrorAction SilentlyContinue
    try {
        $null = & (Join-Path $Bin 'Activate.ps1')
        if (-not $?) { return $false }
    } catch {
        Write-Error $_
        return $false
    }
    if (Test-Path -LiteralPath 'Function:deactivate') {
        Set-Item -Path 'Function:global:__envreg_VenvDeactivate' -Value ${Function:deactivate}
        Set-Item -Path 'Function:global:deactivate' -Value {
            param([switch] $NonDestructive)
            __envreg_Deactivate -NonDestructive:$NonDestructive
        }
    }
    return $true
}

# workon [-n|-c] [-f] NAME: activate environment NAME in this shell, leaving
# the current one first, and change to its project directory if it has one
# (not with -n/-NoCd or $env:ENVREG_WORKON_CD = '0', unless -c/-Cd). NAME `.`
# is the environment whose project holds the current directory; -f/-Force
# activates even a broken one. Bare `workon` lists the names, or opens a
# picker on a terminal. If NAME's Activate.ps1 fails, the environment that was
# active before is activated again. `deactivate` does not change back.
function global:workon {
    param(
        [Parameter(Position = 0)] [string] $Name,
        [Alias('n')] [switch] $NoCd,
        [Alias('c')] [switch] $Cd,
        [Alias('f')] [switch] $Force
    )
    $opts = @()
    if ($Force) { $opts += '--force' }
    if ($Cd) { $opts += '--cd' } elseif ($NoCd) { $opts += '--no-cd' }
    if (-not $Name) {
        if (-not [Console]::IsInputRedirected -and -not [Console]::IsOutputRedirected -and -not [Console]::IsErrorRedirected) {
            $picked = & envreg pick
            if ($LASTEXITCODE -ne 0 -or -not $picked) { return }
            $Name = "$picked".Trim()
        } else {
            & envreg ls --names
            return
        }
    }
    $out = @(& envreg path --workon @opts -- $Name)
    if ($LASTEXITCODE -ne 0 -or $out.Count -lt 3) { return }
    # The environment's directory, the hooks directory, its name (NAME may be
    # `.`), the project directory to change to (empty: stay), then KEY=VALUE
    # lines.
    $dir = $out[0]
    $hooks = $out[1]
    $Name = $out[2]
    $project = if ($out.Count -gt 3) { $out[3] } else { '' }
    $vars = @($out | Select-Object -Skip 4)
    $bin = __envreg_BinDir $dir
    $script = Join-Path $bin 'Activate.ps1'
    if (-not (Test-Path -LiteralPath $script)) {
        Write-Error "envreg: environment '$Name' has no activation script at $script; check it with 'envreg show $Name'"
        return
    }
    # What to go back to if NAME's Activate.ps1 fails: the environment
    # activated with a `deactivate`, or one inherited from the parent shell.
    $prev = $null
    $prevHooks = $global:__envreg_HooksDir
    $inherited = $null
    $oldPath = $env:PATH
    $oldPrompt = $env:VIRTUAL_ENV_PROMPT
    # The active environment's variables, for a failed switch to put back.
    $keep = @($global:__envreg_Vars | Where-Object { $null -ne $_ })
    $keepNow = @()
    if (Test-Path -LiteralPath 'Function:deactivate') {
        $prev = $env:VIRTUAL_ENV
        $keepNow = @(__envreg_SnapVars @($keep | ForEach-Object { $_.Name }))
        deactivate
    } elseif ($env:VIRTUAL_ENV) {
        # A shell started inside an activated environment: drop it by hand.
        $inherited = $env:VIRTUAL_ENV
        $stale = __envreg_BinDir $env:VIRTUAL_ENV
        $sep = [System.IO.Path]::PathSeparator
        $env:PATH = (($env:PATH -split [regex]::Escape($sep)) | Where-Object { $_ -ne $stale }) -join $sep
        Remove-Item -LiteralPath 'Env:VIRTUAL_ENV', 'Env:VIRTUAL_ENV_PROMPT' -ErrorAction SilentlyContinue
    }
    $global:__envreg_HooksDir = $hooks
    if (Test-Path -LiteralPath (Join-Path $hooks 'preactivate.ps1')) { & (Join-Path $hooks 'preactivate.ps1') $Name }
    if (Test-Path -LiteralPath (Join-Path $bin 'preactivate.ps1')) { & (Join-Path $bin 'preactivate.ps1') $Name }
    if (-not (__envreg_Activate $bin)) {
        # Undo what the failed script did, then go back to the previous environment.
        if (Test-Path -LiteralPath 'Function:deactivate') {
            try { deactivate } catch { }
        }
        Remove-Item -LiteralPath 'Function:deactivate', 'Function:__envreg_VenvDeactivate' -ErrorAction SilentlyContinue
        Remove-Variable -Name '__envreg_HooksDir' -Scope Global -ErrorAction SilentlyContinue
        if ($prev -and (__envreg_Activate (__envreg_BinDir $prev))) {
            $global:__envreg_HooksDir = if ($prevHooks) { $prevHooks } else { $hooks }
            if ($keep.Count) { $global:__envreg_Vars = $keep }
            foreach ($now in $keepNow) { __envreg_PutVar $now.Name $now.Set $now.Value }
            if (Test-Path -LiteralPath (Join-Path $global:__envreg_HooksDir 'postactivate.ps1')) { . (Join-Path $global:__envreg_HooksDir 'postactivate.ps1') }
            $prevBin = __envreg_BinDir $prev
            if (Test-Path -LiteralPath (Join-Path $prevBin 'postactivate.ps1')) { . (Join-Path $prevBin 'postactivate.ps1') }
            Write-Error "envreg: activating '$Name' failed in $script; $prev is active again"
        } elseif ($inherited) {
            $env:PATH = $oldPath
            $env:VIRTUAL_ENV = $inherited
            $env:VIRTUAL_ENV_PROMPT = $oldPrompt
            Write-Error "envreg: activating '$Name' failed in $script; $inherited is active again"
        } else {
            Write-Error "envreg: activating '$Name' failed in $script"
        }
        return
    }
    __envreg_SetVars $vars
    # Into the project before the postactivate hooks (a hook may go on from there).
    if ($project) {
        try { Set-Location -LiteralPath $project -ErrorAction Stop }
        catch { Write-Error "envreg: '$Name' is active, but changing to its project $project failed" }
    }
    if (Test-Path -LiteralPath (Join-Path $hooks 'postactivate.ps1')) { . (Join-Path $hooks 'postactivate.ps1') }
    if (Test-Path -LiteralPath (Join-Path $bin 'postactivate.ps1')) { . (Join-Path $bin 'postactivate.ps1') }
}

Register-ArgumentCompleter -CommandName workon -ParameterName Name -ScriptBlock {
    param($commandName, $parameterName, $wordToComplete)
    & envreg ls --names 2>$null | Where-Object { $_ -like "$wordToComplete*" } |
        ForEach-Object { [System.Management.Automation.CompletionResult]::new($_) }
}
