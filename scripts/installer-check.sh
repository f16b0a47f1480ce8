#!/usr/bin/env bash
# Builds the .deb, installs it on this machine, starts the installed app headless on the virtual
# plant, waits for its first live value, ends it as `systemctl stop` or a logout would (SIGTERM)
# and checks it shut down cleanly; then sets the wall kiosk up for an account of its own, kills the
# wall and sees it come back; removes the package and the account. Run by .ci/run after the tests;
# needs root.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in fakeroot binutils xvfb xauth libgtk-3-0 xdg-utils; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

./mvnw -B -ntp -q -Pinstaller,deb -pl installer -am -DskipTests package
deb=$(ls installer/target/dist/ms5-floor-dashboard_*_amd64.deb)
echo "Built $deb ($(du -m "$deb" | cut -f1) MB)"
# The package adds its desktop entries to the system menu, which a desktop has and a bare CI machine not.
mkdir -p /etc/xdg/menus /usr/share/applications /usr/share/desktop-directories
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
account=ms5ciwall # the wall kiosk's account, made below
cleanup() {
    pkill -KILL -f "^/opt/ms5-floor-dashboard/bin/" || true
    pkill -KILL -u "$account" 2>/dev/null || true
    for _ in $(seq 30); do pgrep -u "$account" >/dev/null 2>&1 || break; sleep 1; done
    userdel -r "$account" 2>/dev/null || true
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ms5-floor-dashboard >/dev/null || true
}
trap cleanup EXIT

launcher=/opt/ms5-floor-dashboard/bin/MS5FloorDashboard
for entry in MS5FloorDashboard MS5Wall; do
    test -x "/opt/ms5-floor-dashboard/bin/$entry" || { echo "FAIL: the package has no launcher $entry" >&2; exit 1; }
    ls /usr/share/applications/*"$entry".desktop >/dev/null \
        || { echo "FAIL: no desktop entry for $entry in /usr/share/applications" >&2; exit 1; }
done

data=$(mktemp -d)
log="$data/logs/ms5.log"
xvfb-run -a -s "-screen 0 1280x800x24" "$launcher" --data-dir="$data" --time-scale=30 > "$data/console.txt" 2>&1 &
runner=$!
deadline=$((SECONDS + 120))
until grep -q "First live value" "$log" 2>/dev/null && grep -q "Database ready" "$log"; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 $runner 2>/dev/null; then
        echo "FAIL: the installed app served no live value with its database in 120 s" >&2
        tail -30 "$data/console.txt" >&2
        exit 1
    fi
    sleep 1
done
grep -h "First live value\|shown (\|Database ready" "$log"

app=$(pgrep -f "^$launcher --data-dir=$data") # the app itself, not xvfb-run (which names it too)
kill -TERM "$app"
deadline=$((SECONDS + 60))
while kill -0 "$app" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "FAIL: the installed app did not end within 60 s of SIGTERM" >&2; exit 1; }
    sleep 1
done
wait $runner || true
grep -q "Shut down in" "$log" || { echo "FAIL: the installed app did not shut down in order" >&2; tail -30 "$log" >&2; exit 1; }
grep -h "Shut down in" "$log"
if pgrep -f "$data/pgdata" >/dev/null; then
    echo "FAIL: its embedded PostgreSQL still runs after it ended" >&2
    exit 1
fi
if grep -q " ERROR " "$log"; then
    echo "FAIL: the installed app logged errors:" >&2
    grep " ERROR " "$log" >&2
    exit 1
fi
rm -rf "$data"

# The wall kiosk: set up a wall account, run what its login would start, end the wall as a crash
# would, and see it come back by itself.
kiosk=/opt/ms5-floor-dashboard/lib/kiosk/ms5-wall-kiosk
"$kiosk" "$account"
entry=$(getent passwd "$account" | cut -d: -f6)/.config/autostart/ms5-wall.desktop
exec_line=$(sed -n 's/^Exec=//p' "$entry")
[ "$exec_line" = "$kiosk --run" ] || { echo "FAIL: the autostart entry runs '$exec_line'" >&2; exit 1; }
wall_log=$(getent passwd "$account" | cut -d: -f6)/.local/share/ms5-floor-dashboard/logs/ms5.log
runuser -u "$account" -- xvfb-run -a -s "-screen 0 1920x1080x24" $exec_line > /dev/null 2>&1 &
walls_shown() {
    local n
    n=$(grep -c "Andon wall shown" "$wall_log" 2>/dev/null) || true
    echo "${n:-0}"
}
deadline=$((SECONDS + 120))
until [ "$(walls_shown)" -ge 1 ]; do
    [ $SECONDS -lt $deadline ] || { echo "FAIL: the kiosk showed no wall in 120 s" >&2; exit 1; }
    sleep 1
done
pkill -KILL -u "$account" -f "^/opt/ms5-floor-dashboard/bin/MS5Wall"
deadline=$((SECONDS + 120))
until [ "$(walls_shown)" -ge 2 ]; do
    [ $SECONDS -lt $deadline ] || { echo "FAIL: the kiosk did not start the wall again after it died" >&2; exit 1; }
    sleep 1
done
echo "Wall kiosk: shown at login, killed, shown again by itself"
echo "Installer check passed: installed, served a live value, ended cleanly; the wall kiosk restarts the wall"
