#!/usr/bin/env bash
# Installs the browsers of the end-to-end tests when they are missing: Debian's Chromium (with
# chromium-l10n, its translations: tests/e2e/ui-locale.test.ts starts it in French) and
# Firefox ESR. Playwright's and Puppeteer's own browser downloads cannot work here (no internet
# but the package registries). Quick when both are present (no apt-get at all).
set -euo pipefail
missing=()
if ! command -v chromium >/dev/null 2>&1 && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  missing+=(chromium)
fi
if [ ! -e /usr/lib/chromium/locales/fr.pak ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  missing+=(chromium-l10n)
fi
if ! command -v firefox-esr >/dev/null 2>&1 && [ ! -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ]; then
  missing+=(firefox-esr)
fi
[ "${#missing[@]}" -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing ${missing[*]} (Debian packages, for the end-to-end tests)…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
