#!/usr/bin/env bash
# Installs Debian's Chromium for the end-to-end tests when it is missing, with its translations
# (chromium-l10n: tests/e2e/ui-locale.test.ts starts it in French). Playwright's own browser
# download cannot work here (no internet but the package registries).
set -euo pipefail
if { command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; } && [ -e /usr/lib/chromium/locales/fr.pak ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-l10n >/dev/null
