@echo off
rem infragen.cmd VERB [options]: ./infragen for Windows, the `infragen` tool without installing anything. Runs the
rem verb in this repository's built model program, building the model first only when what the program is compiled
rem from changed (the rules are explained in ./infragen). src\build\infragen-launcher.ps1 decides and builds, and prints
rem the program; this file runs it with the arguments exactly as given and exits with the verb's exit code. Works from
rem any directory; the model is this repository's model\ unless --model says otherwise.
setlocal
set "INFRAGEN_ROOT=%~dp0"
set "INFRAGEN_ROOT=%INFRAGEN_ROOT:~0,-1%"
set "INFRAGEN_PROGRAM="
for /f "usebackq delims=" %%p in (`powershell -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "%INFRAGEN_ROOT%\src\build\infragen-launcher.ps1"`) do set "INFRAGEN_PROGRAM=%%p"
if not defined INFRAGEN_PROGRAM exit /b 2
set "INFRAGEN_DOTNET=%DOTNET_HOST_PATH%"
if not defined INFRAGEN_DOTNET set "INFRAGEN_DOTNET=dotnet"

rem An explicit --model is passed on as it is; otherwise the model is this repository's. (shift leaves %%* alone.)
set "INFRAGEN_HAS_MODEL="
:scan
if "%~1"=="" goto run
set "INFRAGEN_ARG=%~1"
if "%INFRAGEN_ARG%"=="--model" set "INFRAGEN_HAS_MODEL=1"
if "%INFRAGEN_ARG:~0,8%"=="--model=" set "INFRAGEN_HAS_MODEL=1"
if "%INFRAGEN_ARG:~0,8%"=="--model:" set "INFRAGEN_HAS_MODEL=1"
shift
goto scan

:run
if defined INFRAGEN_HAS_MODEL goto given
"%INFRAGEN_DOTNET%" "%INFRAGEN_PROGRAM%" --model "%INFRAGEN_ROOT%\model" %*
exit /b %ERRORLEVEL%
:given
"%INFRAGEN_DOTNET%" "%INFRAGEN_PROGRAM%" %*
exit /b %ERRORLEVEL%
