@echo off
rem Activate this envreg environment in cmd.exe.
rem Leave with deactivate.bat (or `deactivate`, found on PATH).

rem Read the rest of this file as UTF-8, then put the code page back at the end.
for /f "tokens=2 delims=:." %%a in ('"%SystemRoot%\System32\chcp.com"') do (
    set _ENVREG_OLD_CODEPAGE=%%a
)
if defined _ENVREG_OLD_CODEPAGE (
    "%SystemRoot%\System32\chcp.com" 65001 > nul
)

rem Leave whatever environment was active before.
if defined _OLD_VIRTUAL_PROMPT set "PROMPT=%_OLD_VIRTUAL_PROMPT%"
if defined _OLD_VIRTUAL_PATH set "PATH=%_OLD_VIRTUAL_PATH%"
if defined _OLD_VIRTUAL_PYTHONHOME set "PYTHONHOME=%_OLD_VIRTUAL_PYTHONHOME%"
set _OLD_VIRTUAL_PROMPT=
set _OLD_VIRTUAL_PATH=
set _OLD_VIRTUAL_PYTHONHOME=

set "VIRTUAL_ENV=__ENVREG_VENV_DIR__"
set "VIRTUAL_ENV_PROMPT=__ENVREG_PROMPT__"

set "_OLD_VIRTUAL_PATH=%PATH%"
set "PATH=%VIRTUAL_ENV%\__ENVREG_BIN_NAME__;%PATH%"

rem PYTHONHOME would stop python from finding pyvenv.cfg.
if defined PYTHONHOME set "_OLD_VIRTUAL_PYTHONHOME=%PYTHONHOME%"
set PYTHONHOME=

rem One line each: %PROMPT% is expanded when a line (or block) is read.
if not defined VIRTUAL_ENV_DISABLE_PROMPT if not defined PROMPT set "PROMPT=$P$G"
if not defined VIRTUAL_ENV_DISABLE_PROMPT set "_OLD_VIRTUAL_PROMPT=%PROMPT%"
if not defined VIRTUAL_ENV_DISABLE_PROMPT set "PROMPT=(__ENVREG_BAT_PROMPT__) %PROMPT%"

if defined _ENVREG_OLD_CODEPAGE (
    "%SystemRoot%\System32\chcp.com" %_ENVREG_OLD_CODEPAGE% > nul
    set _ENVREG_OLD_CODEPAGE=
)
