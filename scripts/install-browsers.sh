#!/usr/bin/env bash
# Installs Debian's Chromium and Firefox ESR (and CJK fonts, so Korean text renders in
# screenshots, and Apache for the sync tests) when they are missing. The tests never download a browser of their own.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
# Real voices for read-aloud (Firefox speaks through speech-dispatcher; a null PulseAudio sink
# plays them on a machine without a sound card: scripts/lib/speech.mjs).
command -v speech-dispatcher >/dev/null 2>&1 || need+=(speech-dispatcher)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v pulseaudio >/dev/null 2>&1 || need+=(pulseaudio)
command -v pactl >/dev/null 2>&1 || need+=(pulseaudio-utils)
# EPUBCheck (and its Java) validates the EPUB export in tests/unit/library-epub.test.ts.
[ -f /usr/share/java/epubcheck.jar ] || need+=(epubcheck)
# A real WebDAV server for the sync tests and bench (Apache with mod_dav, started by
# scripts/lib/webdav-server.mjs in a temporary folder; the system's own site is never started).
[ -x /usr/sbin/apache2 ] || need+=(apache2)
command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
if ((${#need[@]})); then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
chromium --version
firefox-esr --version
