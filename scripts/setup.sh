#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine, then the npm packages from the lockfile.
# - chromium: the task pane and the sidebar are driven in headless Chromium (playwright-core, no browser download)
# - libreoffice-calc: the generated xlsx reports are opened by a real spreadsheet program
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  echo "setup: installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
fi

npm ci --no-audit --no-fund
