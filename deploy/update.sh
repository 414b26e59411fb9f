#!/usr/bin/env bash
# Updates an installed Glow hub in one command: sudo deploy/update.sh
# Stops the hub (it finishes its writes), fetches the new version, installs and builds, and starts it again; the hub
# moves its stored data forward by itself at start (numbered data migrations). Tablets reload into the new screens.
set -euo pipefail
APP_DIR="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$(id -u)" -ne 0 ]; then echo "Run as root: sudo $0" >&2; exit 1; fi
OWNER="$(stat -c %U "$APP_DIR")"
systemctl stop glow-hub.service
sudo -u "$OWNER" -H bash -c "cd '$APP_DIR' && git pull --ff-only && npm ci --no-audit --no-fund && npm run build"
systemctl start glow-hub.service
echo "Updated. Start-up log: journalctl -u glow-hub -n 40"
