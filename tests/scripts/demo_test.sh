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
grep -q "^helper Mira " "$state/helpers.txt" || fail "Mira is not among the helpers: $(cat "$state/helpers.txt")"
grep -q "^helper Jonas " "$state/helpers.txt" || fail "the demo helpers are not in helpers.txt"
[ "$(stat -c %a "$state/helpers/Mira.session")" = 600 ] || fail "Mira's session file is not private"
grep -q "^  export ICHHELFE_HELPER_SESSION=$state/helpers/Mira.session$" "$work/demo.out" ||
  fail "the demo did not say how to act as a helper: $(cat "$work/demo.out")"
mira_session=$(cat "$state/helpers/Mira.session")

# 2. What staff saved into the kiosk's configuration survives the next demo.
echo 'idle_seconds = 45  # saved by staff' >> "$work/build/kiosk-state/kiosk.toml"
run_demo || { cat "$work/demo.out"; fail "the second demo failed"; }
grep -q "saved by staff" "$work/build/kiosk-state/kiosk.toml" || fail "the second demo rewrote kiosk.toml"
[ "$(cat "$state/helpers/Mira.session")" = "$mira_session" ] || fail "the second demo logged Mira in again"
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
# 5. What the demo prints works: a person's request made at a terminal is
# answered by Mira from a second window, with the commands the demo printed,
# and the person's reply reaches her. The terminal's side is played with curl.
touch "$work/hold"
: > "$work/seen-hub"
bash "$source_dir/scripts/demo" > "$work/fifth.out" 2>&1 &
fifth=$!
for _ in $(seq 300); do grep -q up "$work/seen-hub" && break; sleep 0.1; done
hub_url=https://127.0.0.1:$ICHHELFE_DEMO_PORT
secret() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
call() { # METHOD PATH BODY [TERMINAL_CREDENTIAL [SESSION_TOKEN]]
  local headers=(-H 'Content-Type: application/json' -H "Idempotency-Key: $(secret)")
  [ -z "${4:-}" ] || headers+=(-H "Terminal-Credential: $4")
  [ -z "${5:-}" ] || headers+=(-H "Authorization: Bearer $5")
  curl -s --cacert "$state/dev-cert.pem" -X "$1" "${headers[@]}" -d "$3" "$hub_url$2"
}
# A personal code: the prefix and body, then the check character (api/personal_code.h).
with_check() {
  local digits=0123456789ABCDEFGHJKMNPQRSTVWXY sum=0 i before
  for ((i = 0; i < 7; i++)); do
    before=${digits%%"${1:i:1}"*}
    sum=$((sum + (i + 1) * ${#before}))
  done
  echo "$1${digits:sum % 31:1}"
}
enrol_code=$(sed -n 's/.*--enrol \([A-Z0-9-]*\).*/\1/p' "$work/seen-args")
device=$(secret)
enrolment=$(call POST /v1/terminals "{\"enrolment_code\":\"$enrol_code\",\"device_secret\":\"$device\",\"name\":\"demo test\",\"version\":\"test\"}")
terminal=$(field terminal_id <<< "$enrolment").$device
person=$(secret)
account=$(call POST /v1/accounts "{\"personal_code\":\"$(with_check "$(field code_prefix <<< "$enrolment")0001")\",\"display_name\":\"Rahel\",\"languages\":[\"ti\"],\"town\":\"Pirna\",\"pin\":\"1234\",\"session_token\":\"$person\"}" "$terminal")
grep -q '"display_name":"Rahel"' <<< "$account" || fail "no person at the terminal: $enrolment / $account"
request=$(call POST /v1/requests '{"category":"mobility","when":{"part_of_day":"any"},"town":"Pirna","helper_language":"ti"}' "$terminal" "$person" | field id)
[ -n "$request" ] || fail "the person's request was not taken"

# The second window, as the demo said.
eval "$(sed -n 's/^  \(export ICHHELFE_HELPER_SESSION=.*\)$/\1/p' "$work/fifth.out")"
helper=$(sed -n 's/^  \(.*ichhelfe-hub\) helper requests$/\1/p' "$work/fifth.out")
[ -n "$helper" ] || fail "the demo did not print the helper commands: $(cat "$work/fifth.out")"
$helper helper requests > "$work/requests.out" || fail "helper requests failed"
grep -q "^$request  mobility  in Pirna" "$work/requests.out" || fail "Mira does not see the request: $(cat "$work/requests.out")"
$helper helper offer "$request" 'Hallo Rahel, ich kann dich fahren.' > "$work/offer.out" || fail "helper offer failed"
conversation=$(sed -n 's/^conversation \([^ ]*\) with Rahel.*/\1/p' "$work/offer.out")
[ -n "$conversation" ] || fail "the offer opened no conversation: $(cat "$work/offer.out")"
$helper helper say "$conversation" 'Passt Dienstag um 10 Uhr?' > /dev/null || fail "helper say failed"
thread=$(curl -s --cacert "$state/dev-cert.pem" -H "Terminal-Credential: $terminal" -H "Authorization: Bearer $person" "$hub_url/v1/conversations/$conversation/messages")
grep -q 'Passt Dienstag um 10 Uhr?' <<< "$thread" || fail "the person does not see Mira's message: $thread"
call POST "/v1/conversations/$conversation/messages" '{"text":"እወ፡ የቐንየለይ"}' "$terminal" "$person" | grep -q '"mine":true' ||
  fail "the person's reply was not taken"
$helper helper replies "$conversation" > "$work/replies.out" || fail "helper replies failed"
grep -q "Rahel: እወ፡ የቐንየለይ" "$work/replies.out" || fail "Mira does not see the reply: $(cat "$work/replies.out")"
rm "$work/hold"
wait "$fifth" || fail "the fifth demo failed: $(cat "$work/fifth.out")"
echo "demo script: all checks passed"
