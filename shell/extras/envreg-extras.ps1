# envreg extras for PowerShell, loaded by `envreg init powershell` after the
# main hook (which defines `workon`): virtualenvwrapper's mktmpenv,
# cdvirtualenv, cdsitepackages, lssitepackages, cdproject and mkproject. Kept
# ASCII.

function global:__envreg_NoEnv {
    [Console]::Error.WriteLine("envreg: no environment is active; run 'workon NAME' first")
    $global:LASTEXITCODE = 1
}

# The one lib/python*/site-packages (lib/pypy*/..., Lib\site-packages on
# Windows) directory of the environment in $EnvDir, or $null.
function global:__envreg_SitePackages([string] $EnvDir) {
    $found = @()
    $lib = Join-Path $EnvDir 'lib'
    if (Test-Path -LiteralPath $lib -PathType Container) {
        foreach ($d in Get-ChildItem -LiteralPath $lib -Directory -Force) {
            if ($d.Name -match '^(python|pypy)') {
                $sp = Join-Path $d.FullName 'site-packages'
                if (Test-Path -LiteralPath $sp -PathType Container) { $found += $sp }
            }
        }
    }
    $win = Join-Path (Join-Path $EnvDir 'Lib') 'site-packages'
    if ((Test-Path -LiteralPath $win -PathType Container) -and ($found -notcontains $win)) { $found += $win }
    if ($found.Count -ne 1) {
        [Console]::Error.WriteLine("envreg: expected one site-packages directory in $EnvDir, found $($found.Count)")
        return $null
    }
    $found[0]
}

# cdvirtualenv [SUBDIR]: cd to the active environment (or SUBDIR in it).
function global:cdvirtualenv([string] $SubDir) {
    if (-not $env:VIRTUAL_ENV) { __envreg_NoEnv; return }
    $target = if ($SubDir) { Join-Path $env:VIRTUAL_ENV $SubDir } else { $env:VIRTUAL_ENV }
    Set-Location -LiteralPath $target
}

# cdsitepackages [SUBDIR]: cd to the active environment's site-packages.
function global:cdsitepackages([string] $SubDir) {
    if (-not $env:VIRTUAL_ENV) { __envreg_NoEnv; return }
    $sp = __envreg_SitePackages $env:VIRTUAL_ENV
    if (-not $sp) { $global:LASTEXITCODE = 1; return }
    $target = if ($SubDir) { Join-Path $sp $SubDir } else { $sp }
    Set-Location -LiteralPath $target
}

# lssitepackages: list the active environment's site-packages, then the
# directories `envreg set --add-path` put in its envreg.pth.
function global:lssitepackages {
    if (-not $env:VIRTUAL_ENV) { __envreg_NoEnv; return }
    $sp = __envreg_SitePackages $env:VIRTUAL_ENV
    if (-not $sp) { $global:LASTEXITCODE = 1; return }
    Get-ChildItem -LiteralPath $sp -Force @args | ForEach-Object { $_.Name }
    $pth = Join-Path $sp 'envreg.pth'
    if (Test-Path -LiteralPath $pth -PathType Leaf) {
        ''
        "${pth}:"
        Get-Content -LiteralPath $pth
    }
}

# mktmpenv [MKENV OPTIONS]: make a temporary environment (`envreg mkenv
# --temp`), activate it and cd into it. The next `deactivate` (also the one
# a later `workon` runs) removes it. If mkenv fails nothing is activated.
function global:mktmpenv {
    $out = @(& envreg mkenv --temp @args)
    if ($LASTEXITCODE -ne 0 -or $out.Count -eq 0) { return }
    $dir = $out[-1]
    $name = Split-Path -Leaf $dir
    workon $name
    if (-not (Test-Path -LiteralPath 'Function:deactivate') -or -not $env:VIRTUAL_ENV -or (Split-Path -Leaf $env:VIRTUAL_ENV) -ne $name) {
        & envreg rm -y --force -- $name
        $global:LASTEXITCODE = 1
        return
    }
    Set-Item -Path 'Function:global:__envreg_TmpInnerDeactivate' -Value ${Function:deactivate}
    $global:__envreg_TmpName = $name
    Set-Item -Path 'Function:global:deactivate' -Value {
        param([switch] $NonDestructive)
        $name = $global:__envreg_TmpName
        __envreg_TmpInnerDeactivate -NonDestructive:$NonDestructive
        if (-not $NonDestructive) {
            Remove-Item -LiteralPath 'Function:__envreg_TmpInnerDeactivate' -ErrorAction SilentlyContinue
            Remove-Variable -Name '__envreg_TmpName' -Scope Global -ErrorAction SilentlyContinue
            if ($name) { & envreg rm -y --force -- $name }
        }
    }
    Set-Location -LiteralPath $dir
}

# cdproject: cd to the active environment's project directory, the one its
# .project file names (as virtualenvwrapper's setvirtualenvproject writes it).
function global:cdproject {
    if (-not $env:VIRTUAL_ENV) { __envreg_NoEnv; return }
    $file = Join-Path $env:VIRTUAL_ENV '.project'
    $project = if (Test-Path -LiteralPath $file -PathType Leaf) { @(Get-Content -LiteralPath $file -TotalCount 1)[0] } else { '' }
    if (-not $project) {
        $name = Split-Path -Leaf $env:VIRTUAL_ENV
        [Console]::Error.WriteLine("envreg: the active environment '$name' has no project; set one with 'envreg set $name --project DIR'")
        $global:LASTEXITCODE = 1
        return
    }
    Set-Location -LiteralPath $project
}

# mkproject NAME [MKENV OPTIONS]: make the project directory $PROJECT_HOME/NAME
# (or --dir DIR) and the environment NAME bound to it (`envreg mkproject`),
# activate it and cd there (even with ENVREG_WORKON_CD=0). If envreg fails,
# nothing is activated.
function global:mkproject {
    $out = @(& envreg mkproject --workon @args)
    if ($LASTEXITCODE -ne 0 -or $out.Count -eq 0) { return }
    workon -Cd $out[-1]
}
