#!/usr/bin/env bash
# Installs the Glow hub as a systemd service, from this checkout: one command, run as root from anywhere:
#   sudo deploy/install-service.sh
# Installs the dependencies and builds once (as the checkout's owner), creates the system user "glow", installs
# deploy/glow-hub.service with this checkout's path, and starts it now and at every boot. Run it again after an update.
set -euo pipefail
APP_DIR="$(cd "$(dirname "$0")/.." && pwd)"
SERVICE_USER="${GLOW_USER:-glow}"
if [ "$(id -u)" -ne 0 ]; then echo "Run as root: sudo $0" >&2; exit 1; fi
NODE="$(command -v node || true)"
if [ -z "$NODE" ] || ! "$NODE" -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then
  echo "Node.js 20 or newer is needed (found: ${NODE:-none}). Install it first (https://nodejs.org or your distribution's nodejs package)." >&2
  exit 1
fi
OWNER="$(stat -c %U "$APP_DIR")"
echo "Building Glow in $APP_DIR (as $OWNER)…"
sudo -u "$OWNER" -H bash -c "cd '$APP_DIR' && npm ci --no-audit --no-fund && npm run build"
if ! id "$SERVICE_USER" >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/glow --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
fi
mkdir -p /etc/glow
[ -f /etc/glow/glow.env ] || printf '# Glow hub settings, e.g.\n# GLOW_HOST_NAMES=glow.local,192.168.1.20\n' > /etc/glow/glow.env
sed -e "s#@APP_DIR@#$APP_DIR#g" -e "s#@NODE@#$NODE#g" -e "s#@USER@#$SERVICE_USER#g" "$APP_DIR/deploy/glow-hub.service" > /etc/systemd/system/glow-hub.service
systemctl daemon-reload
systemctl enable glow-hub.service
systemctl restart glow-hub.service
echo "Glow is running as a service. Start-up log (addresses, pairing codes): journalctl -u glow-hub -n 40"
