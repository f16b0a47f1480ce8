#!/usr/bin/env bash
# Renders the app on the virtual plant in a real window under Xvfb (1920x1080) and saves
# docs/screenshots/ (plant-overview.png, line-detail.png, andon-board.png, dashboard.png, diagnostics.png, setup.png, rules.png,
# and the Andon wall's two pages at 3840x2160, andon-wall-4k.png and andon-wall-4k-page2.png). Installs Xvfb, GTK and ImageMagick from Debian if missing.
# With arguments, only those views: scripts/screenshots.sh line rules
# In another language (ui.language), each file named with it: SCREENSHOT_LANGUAGE=de scripts/screenshots.sh plant
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in xvfb xauth libgtk-3-0 imagemagick; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

chosen=("$@")
./mvnw -q -B -ntp -DskipTests install
mkdir -p docs/screenshots

# shoot VIEW FILE [START SCALE SCREEN]: runs the app on the virtual plant (plant time START, default
# 08:00, SCALE times real time, default 10) on a SCREEN (default 1920x1080), opened on VIEW (or as
# the Andon wall for VIEW=wall), and saves FILE once the database is open and 20 s have passed.
shoot() {
    if [ ${#chosen[@]} -gt 0 ] && [[ " ${chosen[*]} " != *" $1 "* ]]; then
        return
    fi
    local view=$1 file=$2 start=${3:-08:00} scale=${4:-10} screen=${5:-1920x1080}
    local language=${SCREENSHOT_LANGUAGE:-}
    [ -n "$language" ] && file="${file%.png}-$language.png"
    local open="--view=$view"
    [ "$view" = wall ] && open="--wall"
    local display=:$((90 + RANDOM % 9))
    Xvfb "$display" -screen 0 ${screen}x24 -nolisten tcp >/dev/null 2>&1 &
    local xvfb=$!
    local data
    data=$(mktemp -d)
    local log="$data/run.log"
    # a fixed plant time (08:00 is inside the early shift, clear of its breaks), whatever the clock says
    echo "demo.startTime=$start" >"$data/ms5.properties"
    [ -n "$language" ] && echo "ui.language=$language" >>"$data/ms5.properties"
    DISPLAY=$display ./mvnw -q -B -ntp -Prun -pl app -DskipTests package \
        -Dapp.args="--data-dir=$data --time-scale=$scale $open" >"$log" 2>&1 &
    local app=$!
    for _ in $(seq 1 120); do
        grep -q "at schema version" "$log" && break
        sleep 1
    done
    sleep 20
    DISPLAY=$display import -window root "docs/screenshots/$file"
    if [ "$view" = wall ]; then
        sleep 15 # the wall's other page (pages turn every 15 s)
        DISPLAY=$display import -window root "docs/screenshots/${file%.png}-page2.png"
    fi
    # The app first, with SIGTERM, as a logout would end it: it stores its last events and stops its
    # embedded database before Maven, its parent, goes (which would end it forcibly).
    pkill -TERM -f "app.Main --data-dir=$data" || true
    for _ in $(seq 1 30); do
        pgrep -f "app.Main --data-dir=$data" >/dev/null || break
        sleep 1
    done
    pkill -f "data-dir=$data" || true
    kill "$app" "$xvfb" 2>/dev/null || true
    wait "$app" "$xvfb" 2>/dev/null || true
    echo "saved docs/screenshots/$file"
}

shoot plant plant-overview.png
# the early shift from its start at 30x (faster, and the demo's slow scan class would go stale):
# the timeline, Pareto and hours have something to show
shoot line line-detail.png 06:01 30
shoot andon andon-board.png 06:01 30 # calls come up within seconds at 30x
shoot machine dashboard.png
shoot diagnostics diagnostics.png
shoot setup setup.png
shoot rules rules.png
shoot wall andon-wall-4k.png 08:00 30 3840x2160
