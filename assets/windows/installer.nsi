; Signaal's Windows installer (NSIS 3, Debian's makensis). It installs for the
; current user only, so it needs no administrator rights: the programs go to
; %LOCALAPPDATA%\Programs\Signaal (where Windows' own per-user installers put
; them), the shortcut to the user's Start menu, the uninstaller to HKCU.
;   makensis -DVERSION=0.1.0 -DSTAGE=/abs/stage -DOUTFILE=/abs/signaal-0.1.0-setup.exe assets/windows/installer.nsi
; STAGE is the folder the portable zip is made from (signaal.exe and the other
; programs, content\, fonts\, licenses\ ...); everything in it is installed.
; Silent: `setup.exe /S` installs, `uninstall.exe /S` removes.
; tests/packages/test-installer.sh installs and removes it under Wine.

!define USAGE "give -DVERSION=x.y.z -DSTAGE=<absolute folder> -DOUTFILE=<absolute setup.exe>"
!ifndef VERSION
  !error "${USAGE}"
!endif
!ifndef STAGE
  !error "${USAGE}"
!endif
!ifndef OUTFILE
  !error "${USAGE}"
!endif

; A 64-bit installer for 64-bit programs: it also runs where Windows (or Wine)
; has no 32-bit layer, such as a wine64-only test machine.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
; makensis works in this script's folder, so the icon is found next to it.
!define ICON "signaal.ico"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Signaal"

Name "Signaal ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Signaal"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
; The language chosen in the first dialog is kept for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\Signaal"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\signaal.exe"
; MUI's own welcome text speaks of system files and reboots, which a per-user
; program never touches.
!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"

; No folder page: a per-user program has one obvious place, and a fixed folder
; named Signaal is what makes the uninstaller's removal of it safe (see below).
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; English first: it is the installer's language when Windows speaks neither.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Dutch"

LangString WelcomeText ${LANG_ENGLISH} "Signaal ${VERSION} will be installed for you alone, in$\r$\n$INSTDIR.$\r$\n$\r$\nNo administrator rights are needed. Your score records are kept in your own folders and stay when Signaal is removed.$\r$\n$\r$\nClick Install to start."
LangString WelcomeText ${LANG_DUTCH} "Signaal ${VERSION} wordt alleen voor u geïnstalleerd, in$\r$\n$INSTDIR.$\r$\n$\r$\nDaarvoor zijn geen beheerdersrechten nodig. Uw scores worden in uw eigen mappen bewaard en blijven staan als Signaal wordt verwijderd.$\r$\n$\r$\nKlik op Installeren om te beginnen."
LangString ShortcutDescription ${LANG_ENGLISH} "Scenario training: recognise signals and act on them"
LangString ShortcutDescription ${LANG_DUTCH} "Scenariotraining: signalen herkennen en ernaar handelen"
LangString NotOurFolder ${LANG_ENGLISH} "$INSTDIR does not look like a Signaal folder; it was left as it is."
LangString NotOurFolder ${LANG_DUTCH} "$INSTDIR lijkt geen map van Signaal; hij is niet aangeraakt."

; Explorer's Properties > Details for setup.exe. Windows wants four numbers.
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "Signaal"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Signaal ${VERSION} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "Signaal"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
  ; /D=FOLDER may name another place; the last part is always Signaal.
  ${GetFileName} "$INSTDIR" $0
  ${If} $0 != "Signaal"
    StrCpy $INSTDIR "$INSTDIR\Signaal"
  ${EndIf}
FunctionEnd

Section "Signaal"
  SetOutPath "$INSTDIR"
  File /r "${STAGE}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\Signaal.lnk" "$INSTDIR\signaal.exe" "" "$INSTDIR\signaal.exe" 0 SW_SHOWNORMAL "" "$(ShortcutDescription)"

  ; Settings > Apps lists it from here (per user: HKCU, no administrator).
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Signaal"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Signaal"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\signaal.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; The folder holds only what the installer put there (score records and
; settings live in the user's own folders, never here), so it is removed whole,
; but only when it is named Signaal and holds signaal.exe: an uninstaller
; copied elsewhere must not empty some other folder.
Section "Uninstall"
  Delete "$SMPROGRAMS\Signaal.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Signaal"
  ${GetFileName} "$INSTDIR" $0
  ${If} $0 == "Signaal"
  ${AndIf} ${FileExists} "$INSTDIR\signaal.exe"
    RMDir /r "$INSTDIR"
  ${Else}
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(NotOurFolder)" /SD IDOK
  ${EndIf}
SectionEnd
