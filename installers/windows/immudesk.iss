; Inno Setup script for immudesk on Windows: installs the PyInstaller bundle (dist\immudesk\, built by
; installers\windows\build-windows.ps1 from installers\immudesk.spec) with a Start-menu entry, an optional desktop
; icon and an uninstaller.
;
;   ISCC.exe /DAppVersion=0.1.0 installers\windows\immudesk.iss     ->  dist\immudesk-0.1.0-windows-setup.exe
;
; The provider's records are NOT in the install folder: immudesk keeps them in the user data folder
; (%LOCALAPPDATA%\immudesk, platformdirs' rule, INTERFACES.md "Where the data lives"). The uninstaller removes only
; the files it installed, so the records, their backups and logs stay; it says so at the end.
;
; Installs for the current user without administrator rights (a provider's laptop may have none); someone with
; rights can choose "all users" in the first dialog.

; Without /DAppVersion, the version is read from the program's version resource (written by immudesk.spec).
#ifndef AppVersion
#define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + "..\..\dist\immudesk\immudesk.exe")
#endif
#define AppName "immudesk"

[Setup]
; AppId identifies immudesk across versions (upgrades install over it); never change it.
AppId={{D8096C15-BFBC-4AEE-B2EC-623B52733342}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=immudesk
AppComments=Immunization records and compliance reports for family child care homes
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Relative paths here are relative to this script's folder.
OutputDir=..\..\dist
OutputBaseFilename=immudesk-{#AppVersion}-windows-setup
SetupIconFile=..\icons\immudesk.ico
UninstallDisplayIcon={app}\immudesk.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade closes a running immudesk first (the database must not be open while files are replaced).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[CustomMessages]
english.RecordsKept=immudesk was removed. Your records were kept in:%n%n%1%n%nThey open again when you reinstall immudesk. Delete that folder yourself only if you no longer need the records.
spanish.RecordsKept=Se desinstaló immudesk. Sus registros se conservaron en:%n%n%1%n%nSe abrirán de nuevo si vuelve a instalar immudesk. Borre esa carpeta solo si ya no necesita los registros.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder bundle: immudesk.exe (the window), immudesk-cli.exe (the same program for a terminal)
; and _internal\ (Python, Qt, resources).
Source: "..\..\dist\immudesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\immudesk.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\immudesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\immudesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only Python's byte-code caches, if any were written next to the program; never the user data folder.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\immudesk');
    if DirExists(DataDir) and not UninstallSilent() then
      MsgBox(FmtMessage(CustomMessage('RecordsKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
