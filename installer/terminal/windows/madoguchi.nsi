; The counter terminal's Windows installer (NSIS 3): per machine, Start-menu entry, the terminal
; settings, the enrolment. Compile on Windows or Linux (Debian's `nsis`) against the one-folder
; bundle that installer/terminal/madoguchi.spec builds:
;
;   makensis -DPAYLOAD=dist\madoguchi -DVERSION=0.1.0 installer\terminal\windows\madoguchi.nsi
;
; Run (as administrator; every parameter optional, the pages ask for what is missing):
;
;   madoguchi-setup.exe [/S] [/REGISTRY=https://registry.example:8443] [/PRINTER=NAME]
;                       [/LANG=ja|en] [/BUNDLE=C:\path\to\enrolment-bundle] [/D=C:\install\dir]
;
; - The settings are per machine, in %ProgramData%\madoguchi\settings.json (the Start-menu
;   entry passes --settings); the enrolment (certificate, CA, encrypted key) beside them.
; - BUNDLE is the directory `madoguchi-registry terminal enroll NAME --out DIR` wrote; the
;   installer runs `madoguchi-console.exe enroll BUNDLE --keyring machine --remove-bundle-key`,
;   which puts the key's passphrase into the machine keyring
;   (%ProgramData%\madoguchi\machine-keyring.enc, its key sealed with DPAPI's machine scope, so
;   that every Windows account of this PC opens it, not only the installing administrator's)
;   and deletes terminal-key.pem from BUNDLE.
; - An upgrade (installing over an earlier version) keeps the settings file, the enrolment and
;   the machine keyring as they are; given /REGISTRY= and /BUNDLE= it re-enrols (the same
;   bundle changes nothing, except that an enrolment of an earlier installer, in the
;   administrator's Credential Manager, moves into the machine keyring).
; - Uninstall runs `madoguchi-console.exe unenroll` (it removes the entry from the keystore the
;   enrolment records: the machine keyring, and the file when it is empty; the enrolment files
;   go), then removes the program, the settings and the shortcuts.
;
; Exit codes (/S): 0 done; 2 the enrolment was refused (the program is installed, not
; enrolled: see the log); 1 cancelled or failed.

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!ifndef PAYLOAD
  !error "define PAYLOAD: makensis -DPAYLOAD=path\to\dist\madoguchi madoguchi.nsi"
!endif
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "madoguchi-setup-${VERSION}.exe"
!endif
!define APP "madoguchi"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define DEFAULT_REGISTRY "https://registry.example.lg.jp:8443"

!include "MUI2.nsh"
!include "nsDialogs.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

Name "madoguchi ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "madoguchi ${VERSION}"

Var ConfigDir      ; %ProgramData%\madoguchi
Var SettingsFile
Var RegistryUrl
Var Printer
Var UiLanguage
Var BundleDir
Var Upgrade        ; 1 when a settings file from an earlier installation exists
Var EnrolStatus
Var FieldRegistry
Var FieldPrinter
Var FieldLanguage
Var FieldBundle

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_DIRECTORY
Page custom SettingsPage SettingsPageLeave
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_LANGUAGE "English"

LangString SettingsTitle ${LANG_JAPANESE} "端末の設定"
LangString SettingsTitle ${LANG_ENGLISH} "Terminal settings"
LangString SettingsSubtitle ${LANG_JAPANESE} "住基サーバー、プリンター、表示言語と端末登録"
LangString SettingsSubtitle ${LANG_ENGLISH} "Registry, printer, language and enrolment"
LangString LabelRegistry ${LANG_JAPANESE} "住基サーバーの URL (https://)"
LangString LabelRegistry ${LANG_ENGLISH} "Registry URL (https://)"
LangString LabelPrinter ${LANG_JAPANESE} "証明書のプリンター (空欄: 既定のプリンター)"
LangString LabelPrinter ${LANG_ENGLISH} "Certificate printer (empty: the default printer)"
LangString LabelLanguage ${LANG_JAPANESE} "表示言語 (ja / en)"
LangString LabelLanguage ${LANG_ENGLISH} "Language (ja / en)"
LangString LabelBundle ${LANG_JAPANESE} "端末登録ファイルのフォルダー (管理者から受け取ったもの。空欄: 後で登録)"
LangString LabelBundle ${LANG_ENGLISH} "Enrolment bundle folder (from the administrator; empty: enrol later)"
LangString Browse ${LANG_JAPANESE} "参照..."
LangString Browse ${LANG_ENGLISH} "Browse..."
LangString UpgradeNote ${LANG_JAPANESE} "既存の設定と端末登録はそのまま引き継がれます。"
LangString UpgradeNote ${LANG_ENGLISH} "The existing settings and enrolment are kept."
LangString BadUrl ${LANG_JAPANESE} "住基サーバーの URL は https:// で始めてください。"
LangString BadUrl ${LANG_ENGLISH} "The registry URL must start with https://."
LangString BadLanguage ${LANG_JAPANESE} "表示言語は ja か en です。"
LangString BadLanguage ${LANG_ENGLISH} "The language is ja or en."
LangString NoBundle ${LANG_JAPANESE} "端末登録ファイルのフォルダーが見つかりません:"
LangString NoBundle ${LANG_ENGLISH} "The enrolment bundle folder does not exist:"
LangString EnrolFailed ${LANG_JAPANESE} "端末登録に失敗しました。プログラムはインストールされましたが、登録されていません。管理者に連絡してください。"
LangString EnrolFailed ${LANG_ENGLISH} "Enrolment failed. The program is installed but not enrolled; contact the administrator."
LangString ShortcutName ${LANG_JAPANESE} "窓口端末"
LangString ShortcutName ${LANG_ENGLISH} "madoguchi counter terminal"

; ---------------------------------------------------------------------------------------------
; JSON string escaping for the settings file: backslash and double quote (the settings refuse
; control characters anyway). In: $R0. Out: $R0.
Function JsonEscape
  Push $R1
  Push $R2
  Push $R3
  StrCpy $R1 ""
  StrCpy $R2 0
  loop:
    StrCpy $R3 $R0 1 $R2
    StrCmp $R3 "" done
    ${If} $R3 == "\"
      StrCpy $R1 "$R1\\"
    ${ElseIf} $R3 == '"'
      StrCpy $R1 '$R1\"'
    ${Else}
      StrCpy $R1 "$R1$R3"
    ${EndIf}
    IntOp $R2 $R2 + 1
    Goto loop
  done:
  StrCpy $R0 $R1
  Pop $R3
  Pop $R2
  Pop $R1
FunctionEnd

Function .onInit
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  SetShellVarContext all
  StrCpy $ConfigDir "$APPDATA\${APP}"  ; all users: %ProgramData%
  StrCpy $SettingsFile "$ConfigDir\settings.json"
  StrCpy $Upgrade 0
  ${If} ${FileExists} "$SettingsFile"
    StrCpy $Upgrade 1
  ${EndIf}
  StrCpy $EnrolStatus "not run"

  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/REGISTRY=" $RegistryUrl
  ${If} ${Errors}
    StrCpy $RegistryUrl ""
  ${EndIf}
  ClearErrors
  ${GetOptions} $0 "/PRINTER=" $Printer
  ${If} ${Errors}
    StrCpy $Printer ""
  ${EndIf}
  ClearErrors
  ${GetOptions} $0 "/LANG=" $UiLanguage
  ${If} ${Errors}
    StrCpy $UiLanguage "ja"
  ${EndIf}
  ClearErrors
  ${GetOptions} $0 "/BUNDLE=" $BundleDir
  ${If} ${Errors}
    StrCpy $BundleDir ""
  ${EndIf}
  ${If} $UiLanguage != "ja"
  ${AndIf} $UiLanguage != "en"
    MessageBox MB_ICONSTOP "$(BadLanguage)" /SD IDOK
    SetErrorLevel 1
    Abort
  ${EndIf}
FunctionEnd

Function SettingsPage
  !insertmacro MUI_HEADER_TEXT "$(SettingsTitle)" "$(SettingsSubtitle)"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${If} $Upgrade == 1
    ${NSD_CreateLabel} 0 0 100% 12u "$(UpgradeNote)"
    Pop $0
  ${EndIf}
  ${NSD_CreateLabel} 0 16u 100% 10u "$(LabelRegistry)"
  Pop $0
  ${If} $RegistryUrl == ""
  ${AndIf} $Upgrade == 0
    StrCpy $RegistryUrl "${DEFAULT_REGISTRY}"
  ${EndIf}
  ${NSD_CreateText} 0 27u 100% 12u "$RegistryUrl"
  Pop $FieldRegistry
  ${NSD_CreateLabel} 0 44u 100% 10u "$(LabelPrinter)"
  Pop $0
  ${NSD_CreateText} 0 55u 100% 12u "$Printer"
  Pop $FieldPrinter
  ${NSD_CreateLabel} 0 72u 100% 10u "$(LabelLanguage)"
  Pop $0
  ${NSD_CreateDropList} 0 83u 40u 40u ""
  Pop $FieldLanguage
  ${NSD_CB_AddString} $FieldLanguage "ja"
  ${NSD_CB_AddString} $FieldLanguage "en"
  ${NSD_CB_SelectString} $FieldLanguage $UiLanguage
  ${NSD_CreateLabel} 0 100u 100% 10u "$(LabelBundle)"
  Pop $0
  ${NSD_CreateText} 0 111u 80% 12u "$BundleDir"
  Pop $FieldBundle
  ${NSD_CreateBrowseButton} 82% 110u 18% 14u "$(Browse)"
  Pop $0
  ${NSD_OnClick} $0 BrowseBundle
  nsDialogs::Show
FunctionEnd

Function BrowseBundle
  nsDialogs::SelectFolderDialog "$(LabelBundle)" ""
  Pop $0
  ${If} $0 != error
    ${NSD_SetText} $FieldBundle $0
  ${EndIf}
FunctionEnd

Function SettingsPageLeave
  ${NSD_GetText} $FieldRegistry $RegistryUrl
  ${NSD_GetText} $FieldPrinter $Printer
  ${NSD_GetText} $FieldLanguage $UiLanguage
  ${NSD_GetText} $FieldBundle $BundleDir
  Call CheckChoices
FunctionEnd

; The checks the settings file would make anyway, before anything is copied.
Function CheckChoices
  ${If} $RegistryUrl != ""
    StrCpy $0 $RegistryUrl 8
    ${If} $0 != "https://"
      MessageBox MB_ICONEXCLAMATION "$(BadUrl)" /SD IDOK
      Abort
    ${EndIf}
  ${EndIf}
  ${If} $BundleDir != ""
  ${AndIfNot} ${FileExists} "$BundleDir\*.*"
    MessageBox MB_ICONEXCLAMATION "$(NoBundle)$\r$\n$BundleDir" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------------------------------------
Section "madoguchi" SecMain
  SectionIn RO
  ${If} ${Silent}
    Call CheckChoicesSilent
  ${EndIf}
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program as a whole (no stale library of the old version stays);
  ; the settings and the enrolment live in %ProgramData%, not here.
  ${If} ${FileExists} "$INSTDIR\madoguchi.exe"
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
  File /r "${PAYLOAD}\*.*"

  CreateDirectory "$ConfigDir"
  ; Only administrators and the system may change the machine's settings; users read them.
  nsExec::ExecToLog 'icacls "$ConfigDir" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  Pop $0
  ${IfNot} ${FileExists} "$SettingsFile"
    Call WriteSettings
  ${EndIf}

  ${If} $BundleDir != ""
    ${If} $RegistryUrl != ""
      StrCpy $1 '--registry-url "$RegistryUrl"'
    ${Else}
      StrCpy $1 ""
    ${EndIf}
    DetailPrint "madoguchi enroll $BundleDir"
    ; --keyring machine: the clerks log into Windows with their own accounts, not this one.
    nsExec::ExecToLog '"$INSTDIR\madoguchi-console.exe" enroll "$BundleDir" --settings "$SettingsFile" --keyring machine --remove-bundle-key $1'
    Pop $EnrolStatus
    ${If} $EnrolStatus != 0
      DetailPrint "enrolment failed: exit $EnrolStatus"
      MessageBox MB_ICONSTOP "$(EnrolFailed)" /SD IDOK
      SetErrorLevel 2
    ${EndIf}
  ${EndIf}

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortCut "$SMPROGRAMS\${APP}\$(ShortcutName).lnk" "$INSTDIR\madoguchi.exe" \
    '--settings "$SettingsFile"' "$INSTDIR\madoguchi.exe" 0

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "madoguchi"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "madoguchi"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; Silent installs skip the pages, so their checks run here (an error ends the install).
Function CheckChoicesSilent
  ${If} $RegistryUrl != ""
    StrCpy $0 $RegistryUrl 8
    ${If} $0 != "https://"
      DetailPrint "$(BadUrl)"
      SetErrorLevel 1
      Quit
    ${EndIf}
  ${EndIf}
  ${If} $BundleDir != ""
  ${AndIfNot} ${FileExists} "$BundleDir\*.*"
    DetailPrint "$(NoBundle) $BundleDir"
    SetErrorLevel 1
    Quit
  ${EndIf}
FunctionEnd

; The settings file in app/settings' format: {"version": 1, "settings": {key: value}}.
Function WriteSettings
  FileOpen $9 "$SettingsFile" w
  FileWrite $9 '{$\r$\n  "version": 1,$\r$\n  "settings": {$\r$\n'
  ${If} $RegistryUrl != ""
    StrCpy $R0 $RegistryUrl
    Call JsonEscape
    FileWrite $9 '    "registry.url": "$R0",$\r$\n'
  ${EndIf}
  ${If} $Printer != ""
    StrCpy $R0 $Printer
    Call JsonEscape
    FileWrite $9 '    "printing.printer": "$R0",$\r$\n'
  ${EndIf}
  FileWrite $9 '    "ui.language": "$UiLanguage"$\r$\n  }$\r$\n}$\r$\n'
  FileClose $9
FunctionEnd

; ---------------------------------------------------------------------------------------------
Function un.onInit
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  SetShellVarContext all
  StrCpy $ConfigDir "$APPDATA\${APP}"
  StrCpy $SettingsFile "$ConfigDir\settings.json"
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  ; First the key's passphrase out of the keyring and the enrolment files, while the program
  ; that knows where they are is still here. unenroll removes the entry from the keystore the
  ; enrolment recorded (the machine keyring, as administrator like the enrolment; the file
  ; goes with its last entry). Nothing enrolled is not an error.
  ${If} ${FileExists} "$INSTDIR\madoguchi-console.exe"
    nsExec::ExecToLog '"$INSTDIR\madoguchi-console.exe" unenroll --settings "$SettingsFile"'
    Pop $0
    DetailPrint "madoguchi unenroll: exit $0"
  ${EndIf}
  Delete "$SMPROGRAMS\${APP}\*.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  Delete "$SettingsFile"
  RMDir "$ConfigDir\enrolment"
  RMDir "$ConfigDir"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\madoguchi.exe"
  Delete "$INSTDIR\madoguchi-console.exe"
  Delete "$INSTDIR\madoguchi-card-demo.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
