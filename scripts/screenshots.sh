#!/usr/bin/env bash
# Renders the app on the virtual plant in a real window under Xvfb (1920x1080) and saves
# docs/screenshots/dashboard.png. Installs Xvfb, GTK and ImageMagick from Debian if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in xvfb xauth libgtk-3-0 imagemagick; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

./mvnw -q -B -ntp -DskipTests install
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
log="$data/run.log"
DISPLAY=$display ./mvnw -q -B -ntp -Prun -pl app -DskipTests package \
    -Dapp.args="--data-dir=$data --time-scale=10" >"$log" 2>&1 &
app=$!
cleanup() { pkill -f "data-dir=$data" || true; kill "$app" "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT

# Wait until the dashboard is up and the database is open, then let a minute of plant time pass.
for _ in $(seq 1 120); do
    grep -q "at schema version" "$log" && break
    sleep 1
done
sleep 15
mkdir -p docs/screenshots
DISPLAY=$display import -window root docs/screenshots/dashboard.png
echo "saved docs/screenshots/dashboard.png"
