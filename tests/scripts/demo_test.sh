#!/usr/bin/env bash
# scripts/demo, run the way people run it: again and again, twice at once, and
# after being killed hard. The kiosk is replaced by a small command that looks
# at what the demo set up; the hub is the real one.
# Usage: demo_test.sh HUB_BINARY KIOSK_BINARY
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
hub_binary=$1
kiosk_binary=$2
work=$(mktemp -d)
trap 'pkill -f "$work/build/hub" 2>/dev/null || true; rm -rf "$work"' EXIT

# A build folder of links to the binaries, so the demo's state goes to $work.
mkdir -p "$work/build/hub" "$work/build/kiosk"
ln -s "$hub_binary" "$work/build/hub/ichhelfe-hub"
ln -s "$kiosk_binary" "$work/build/kiosk/ichhelfe-kiosk"
state=$work/build/hub-state
export ICHHELFE_DEMO_BUILD=$work/build
export ICHHELFE_DEMO_PORT=$((20000 + RANDOM % 30000))
health() { curl -sf --cacert "$state/dev-cert.pem" "https://127.0.0.1:$ICHHELFE_DEMO_PORT/v1/health" >/dev/null 2>&1; }

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# The kiosk's stand-in: notes the hub's pid and that the hub answers, then
# waits while $work/hold exists.
cat > "$work/kiosk" <<EOF
#!/usr/bin/env bash
cat "$state/hub.pid" > "$work/seen-hub"
curl -sf --cacert "$state/dev-cert.pem" "https://127.0.0.1:$ICHHELFE_DEMO_PORT/v1/health" >/dev/null && echo up >> "$work/seen-hub"
echo "\$@" > "$work/seen-args"
while [ -e "$work/hold" ]; do sleep 0.1; done
EOF
chmod +x "$work/kiosk"
export ICHHELFE_DEMO_KIOSK=$work/kiosk

run_demo() { bash "$source_dir/scripts/demo" "$@" > "$work/demo.out" 2>&1; }

# 1. A demo runs, the kiosk sees a hub, and when the kiosk ends the hub is gone.
run_demo --windowed 1280x800 || { cat "$work/demo.out"; fail "the first demo failed"; }
grep -q up "$work/seen-hub" || fail "the kiosk did not find the hub answering"
grep -q -- "--enrol [A-Z0-9-]* --windowed 1280x800" "$work/seen-args" || fail "the kiosk got no enrolment code: $(cat "$work/seen-args")"
first_hub=$(head -n 1 "$work/seen-hub")
kill -0 "$first_hub" 2>/dev/null && fail "the hub (pid $first_hub) still runs after the demo ended"
health && fail "something still answers on the demo's port after it ended"
[ ! -e "$state/hub.pid" ] || fail "hub.pid left behind"

# 2. What staff saved into the kiosk's configuration survives the next demo.
echo 'idle_seconds = 45  # saved by staff' >> "$work/build/kiosk-state/kiosk.toml"
run_demo || { cat "$work/demo.out"; fail "the second demo failed"; }
grep -q "saved by staff" "$work/build/kiosk-state/kiosk.toml" || fail "the second demo rewrote kiosk.toml"
kill -0 "$(head -n 1 "$work/seen-hub")" 2>/dev/null && fail "the second demo left its hub running"

# 3. A second demo while one runs says so and leaves the first alone.
touch "$work/hold"
: > "$work/seen-hub"
bash "$source_dir/scripts/demo" > "$work/first.out" 2>&1 &
first=$!
for _ in $(seq 300); do grep -q up "$work/seen-hub" && break; sleep 0.1; done
running_hub=$(head -n 1 "$work/seen-hub")
if run_demo; then fail "a second demo started while one runs"; fi
grep -q "already running" "$work/demo.out" || fail "the second demo did not say why it stopped: $(cat "$work/demo.out")"
kill -0 "$running_hub" 2>/dev/null || fail "the second demo stopped the first one's hub"
health || fail "the first demo's hub stopped answering"
rm "$work/hold"
wait "$first" || fail "the first demo failed: $(cat "$work/first.out")"
kill -0 "$running_hub" 2>/dev/null && fail "the hub outlived its demo"

# 4. A demo killed hard leaves an orphan hub; the next demo stops it and runs.
touch "$work/hold"
: > "$work/seen-hub"
setsid bash "$source_dir/scripts/demo" > "$work/killed.out" 2>&1 &
killed=$!
for _ in $(seq 300); do grep -q up "$work/seen-hub" 2>/dev/null && break; sleep 0.1; done
orphan=$(head -n 1 "$work/seen-hub")
kill -9 "$killed"
pkill -9 -f "$work/kiosk" || true
wait "$killed" 2>/dev/null || true
sleep 0.5  # the stand-in's last `sleep 0.1` holds the lock until it ends
kill -0 "$orphan" 2>/dev/null || fail "the test meant to leave an orphan hub, but none is left"
rm "$work/hold"
run_demo || { cat "$work/demo.out"; fail "the demo after a hard kill failed"; }
grep -q "stopping the hub an earlier demo left running" "$work/demo.out" || fail "the orphan hub was not noticed"
kill -0 "$orphan" 2>/dev/null && fail "the orphan hub still runs"
health && fail "a hub still answers after the last demo"
echo "demo script: all checks passed"
