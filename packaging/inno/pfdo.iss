; Inno Setup 6 script: a per-user installer of the PyInstaller one-folder build (docs/packaging.md).
; No administrator rights: installs into %LOCALAPPDATA%\Programs\PFDO Desktop, a Start-menu
; shortcut for this user; the uninstaller keeps the data folder (%LOCALAPPDATA%\pfdo-desktop: the
; journal's database, backups, logs) unless the user says «Да» to removing it (silent uninstall:
; only with /PURGEDATA=1).
;
;   pyinstaller --noconfirm --clean packaging\pfdo.spec     (makes dist\pfdo-desktop\)
;   iscc packaging\inno\pfdo.iss                             (makes dist\pfdo-desktop-<version>-setup.exe)
;
; Paths are relative to this file (Inno's SourceDir is the script's folder).

#ifndef AppVersion
  #define AppVersion "0.1.0"   ; = pfdo_desktop.__version__ (checked by tests/packaging); or iscc /DAppVersion=…
#endif
#define AppName "PFDO Desktop"
#define AppExe "PFDO Desktop.exe"
#define BuildDir "..\..\dist\pfdo-desktop"
#define DataDirName "pfdo-desktop"

[Setup]
AppId={{7B0D2C52-4C1E-4F4B-9B7E-2E0B6A5C9D31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=PFDO Desktop
AppVerName={#AppName} {#AppVersion}
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=auto
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=pfdo-desktop-{#AppVersion}-setup
SetupIconFile=..\icons\pfdo.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
russian.RemoveData=Удалить также данные программы (журнал, резервные копии, журнал работы) в папке%n%1?%n%nЕсли вы переустанавливаете программу, ответьте «Нет»: данные останутся на месте.
english.RemoveData=Also remove the program's data (the journal's database, backups, logs) in%n%1?%n%nIf you are reinstalling, answer "No": the data stay where they are.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program itself leaves in its own folder; the data folder is decided in [Code]
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#DataDirName}');
end;

function RemoveDataWanted(): Boolean;
begin
  if UninstallSilent() then
    Result := ExpandConstant('{param:PURGEDATA|0}') = '1'
  else
    Result := MsgBox(FmtMessage(CustomMessage('RemoveData'), [DataDir()]), mbConfirmation,
                     MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) and RemoveDataWanted() then
    DelTree(DataDir(), True, True, True);
end;
