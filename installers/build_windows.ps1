# Build Hearth for Windows: OUT_DIR\hearth-<version>-windows-x64-setup.exe (Inno Setup),
# with a Start-menu entry and an uninstaller; plus the one-folder bundle OUT_DIR\hearth\.
#
# usage: powershell -File installers\build_windows.ps1 OUT_DIR     (CI: windows-2025)
#
# Signed when the secrets are there (installers/README.md):
#   WINDOWS_CERTIFICATE_PFX       base64 of a code-signing certificate (.pfx)
#   WINDOWS_CERTIFICATE_PASSWORD  its password
# HEARTH_BUILD_PYTHON: Python >= 3.11 to build with (default: python on PATH).
param([Parameter(Mandatory = $true)][string]$OutDir)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

# A plain function (no param block), so arguments such as "-m" reach the program as they
# are instead of being taken for PowerShell parameters.
function Invoke-Checked {
    $Exe, $Rest = $args
    & $Exe @Rest
    if ($LASTEXITCODE -ne 0) { throw "$Exe $Rest failed with exit code $LASTEXITCODE" }
}

$Root = (Resolve-Path "$PSScriptRoot\..").Path
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$Out = (Resolve-Path $OutDir).Path
$Python = if ($env:HEARTH_BUILD_PYTHON) { $env:HEARTH_BUILD_PYTHON } else { "python" }
$Version = & $Python -c "import sys, tomllib; print(tomllib.load(open(sys.argv[1], 'rb'))['project']['version'])" "$Root\pyproject.toml"
$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("hearth-build-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $Work | Out-Null

try {
    Write-Host "== build environment from pyproject.toml"
    Invoke-Checked $Python -m venv "$Work\venv"
    $VPy = "$Work\venv\Scripts\python.exe"
    Invoke-Checked $VPy -m pip install --disable-pip-version-check -q --upgrade pip "setuptools>=69" wheel
    Invoke-Checked $VPy -m pip install --disable-pip-version-check -q "pyinstaller==6.22.3" "pyinstaller-hooks-contrib==2026.9" pillow "$Root"

    Write-Host "== icon and PyInstaller"
    Invoke-Checked $VPy "$Root\installers\render_icon.py" "$Work\hearth.ico"
    $env:HEARTH_ICON = "$Work\hearth.ico"
    Push-Location $Root
    try {
        Invoke-Checked $VPy -m PyInstaller --noconfirm --log-level WARN --distpath "$Work\dist" --workpath "$Work\pyi" installers\hearth.spec
    } finally { Pop-Location }
    $Bundle = "$Work\dist\hearth"
    Invoke-Checked "$Bundle\hearth-cli.exe" --version

    $Pfx = $null
    if ($env:WINDOWS_CERTIFICATE_PFX) {
        $Pfx = "$Work\cert.pfx"
        [IO.File]::WriteAllBytes($Pfx, [Convert]::FromBase64String($env:WINDOWS_CERTIFICATE_PFX))
        $SignTool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" | Sort-Object FullName | Select-Object -Last 1
        if (-not $SignTool) { throw "signtool.exe not found (Windows SDK)" }
        function Sign([string]$Path) {
            Invoke-Checked $SignTool.FullName sign /f $Pfx /p $env:WINDOWS_CERTIFICATE_PASSWORD /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 $Path
        }
        Sign "$Bundle\Hearth.exe"
        Sign "$Bundle\hearth-cli.exe"
    } else {
        Write-Host "== no signing secrets: unsigned build (SmartScreen will warn)"
    }

    Write-Host "== Inno Setup"
    $Iscc = Get-Command iscc.exe -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source
    if (-not $Iscc) {
        foreach ($Candidate in @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe")) {
            if (Test-Path $Candidate) { $Iscc = $Candidate; break }
        }
    }
    if (-not $Iscc) {
        # Not on every runner image (it left windows-2025 for a while in 2025). Pinned to
        # the 6.x line this script is written for (6.7.1, the newest 6.x on 2026-12-01;
        # 7.0 is in preview and changes the compiler's command line).
        Invoke-Checked choco install innosetup --version=6.7.1 --no-progress -y
        $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
    }
    Invoke-Checked $Iscc "/DAppVersion=$Version" "/DSourceDir=$Bundle" "/DOutputDir=$Out" "/DIconFile=$Work\hearth.ico" "$Root\installers\windows\hearth.iss"
    $Setup = "$Out\hearth-$Version-windows-x64-setup.exe"
    if ($Pfx) { Sign $Setup }

    # The bundle too, for the smoke test that follows in CI.
    if (Test-Path "$Out\hearth") { Remove-Item -Recurse -Force "$Out\hearth" }
    Copy-Item -Recurse $Bundle "$Out\hearth"
    Get-FileHash $Setup -Algorithm SHA256 | ForEach-Object { "$($_.Hash.ToLower())  $(Split-Path $Setup -Leaf)" } | Set-Content "$Out\SHA256SUMS"
    Write-Host "== built $Setup"
} finally {
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}
