# Builds immudesk for Windows: the one-folder bundle (dist\immudesk\) and the installer
# (dist\immudesk-VERSION-windows-setup.exe). Run from anywhere in the checkout:
#
#   powershell -ExecutionPolicy Bypass -File installers\windows\build-windows.ps1
#
# Needs Python 3.11 64-bit (with the "py" launcher; or set $env:IMMUDESK_PYTHON to a python.exe) and Node.js,
# whose npm brings Inno Setup's compiler (the npm package "innosetup" carries ISCC.exe). Everything else comes
# from PyPI and the npm registry. Run on a Windows runner by .github\workflows\release.yml: see installers\README.md.
$ErrorActionPreference = "Stop"

function Run {
    param([string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $Program $Arguments" }
}

$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root
$Venv = Join-Path $Root "build\installer-venv"
$Python = Join-Path $Venv "Scripts\python.exe"

if (-not (Test-Path $Python)) {
    if ($env:IMMUDESK_PYTHON) { Run $env:IMMUDESK_PYTHON @("-m", "venv", $Venv) }
    else { Run "py" @("-3.11", "-m", "venv", $Venv) }
}
Run $Python @("-m", "pip", "install", "--upgrade", "pip")
# What running needs and PyInstaller, from the same lists as ./run.sh; the spec bundles the checkout's own code.
Run $Python @("-m", "pip", "install", "-r", "requirements\run.txt", "-r", "requirements\encryption.txt",
              "-r", "requirements\installer.txt")

# The bundle: dist\immudesk\immudesk.exe (window, no console) and immudesk-cli.exe (for a terminal).
Run $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", "dist", "--workpath", "build\pyinstaller",
              "installers\immudesk.spec")
Run "dist\immudesk\immudesk-cli.exe" @("--smoke-test")

# The installer.
$Version = (& $Python -c "import immudesk; print(immudesk.__version__)").Trim()
Run "npm" @("install", "--no-save", "--prefix", "build\innosetup", "innosetup@6.4.1")
Run "build\innosetup\node_modules\innosetup\bin\ISCC.exe" @("/DAppVersion=$Version", "installers\windows\immudesk.iss")
Write-Host "Built dist\immudesk-$Version-windows-setup.exe"
