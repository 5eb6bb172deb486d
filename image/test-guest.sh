#!/bin/sh
# image/test's part inside the booted image. image/test puts this file on a
# second, read-only disk and starts it from the kernel command line
# (systemd.run=), as root; it reports in "TEST: name value..." lines on the
# console (the serial port), which image/test reads. Nothing of it is in the
# image itself.
#
# systemd.run= replaces the default target, so the kiosk is started here.
unit=ichhelfe-kiosk.service
say() { echo "TEST: $*" >/dev/console; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
uptime_s() { cut -d' ' -f1 /proc/uptime; }
kiosk_pid() { pidof -s ichhelfe-kiosk; }
# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  limit=$(($1 * 1000))
  shift
  start=$(now_ms)
  until "$@"; do
    [ $(($(now_ms) - start)) -le "$limit" ] || return 1
    sleep 0.2
  done
}
# Milliseconds since $1 (a now_ms), or "timeout" if the command after it
# did not succeed in time ($2 seconds).
ms_until() {
  t0=$1
  shift
  if wait_for "$@"; then echo $(($(now_ms) - t0)); else echo timeout; fi
}
active() { systemctl is-active -q "$unit"; }
# A kiosk process other than $old, and the unit active again (READY=1 came:
# the new process presented a frame).
new_pid() { p=$(kiosk_pid) && [ -n "$p" ] && [ "$p" != "$old" ]; }
back_and_ready() { new_pid && active; }
# Clock ticks the process $1 has used, user and system.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# The kiosk's processor use over $1 seconds, in % of one processor.
cpu_percent() {
  p=$(kiosk_pid)
  before=$(ticks "$p")
  sleep "$1"
  after=$(ticks "$p")
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v s="$1" 'BEGIN {printf "%.2f", 100 * t / hz / s}'
}
# The kiosk's and cage's proportional set size, its threads, and whether it
# maps LLVM (llvmpipe).
memory() {
  p=$(kiosk_pid)
  echo "pss_kib=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup") cage_pss_kib=$(awk '/^Pss:/ {print $2}' "/proc/$(pidof -s cage)/smaps_rollup") threads=$(awk '/^Threads:/ {print $2}' "/proc/$p/status") llvm_mapped=$(grep -c libLLVM "/proc/$p/maps")"
}

systemctl start --no-block multi-user.target
wait_for 600 active
pid=$(kiosk_pid)
say "ready uptime_s=$(uptime_s) pid=$pid"
say "mounts root=$(findmnt -no OPTIONS /) state=$(findmnt -no OPTIONS /var/lib/ichhelfe)"
say "journal $(journalctl --header 2>/dev/null | sed -n 's/^File path: //p' | head -1)"
say "user $(stat -c %U "/proc/$pid") shell=$(getent passwd ichhelfe | cut -d: -f7)"
say "renderer $(journalctl -b -u "$unit" -o cat | grep -m1 'renderer ' | cut -c1-160)"

# A demonstration terminal (image/build --with-hub): its own hub runs, and the
# kiosk enrolled with it over HTTPS, trusting the hub's certificate.
kiosk_log() { journalctl -b -u "$unit" -o cat; }
enrolled() { kiosk_log | grep -q 'enrolled with the hub'; }
if systemctl -q is-enabled ichhelfe-hub.service 2>/dev/null; then
  wait_for 120 enrolled
  say "hub active=$(systemctl is-active ichhelfe-hub.service) enrolled=$(kiosk_log | grep -c 'enrolled with the hub') state=$(ls /var/lib/ichhelfe/hub | tr '\n' ,) $(kiosk_log | grep -m1 'enrolment failed' | cut -c1-160)"
fi

# The host takes its screenshots for a minute now; meanwhile the kiosk, idle
# but for the attract screen's greeting that changes every 3 s, is measured.
sleep 10
say "idle cpu_percent=$(cpu_percent 60) over 60 s"
say "memory $(memory)"
say "installed kiosk_kib=$(dpkg-query -W -f '${Installed-Size}' ichhelfe-kiosk) all_kib=$(dpkg-query -W -f '${Installed-Size}\n' | awk '{s += $1} END {print s}')"

# Killed: systemd starts it again (cage ends with its only client).
# Both times from the signal.
old=$pid
t0=$(now_ms)
kill -KILL "$old"
new=$(ms_until "$t0" 60 new_pid)
say "kill9 new_pid_ms=$new ready_ms=$(ms_until "$t0" 300 back_and_ready) restarts=$(systemctl show -P NRestarts "$unit")"
sleep 5

# Frozen: nothing feeds the watchdog, systemd kills it and starts it again.
old=$(kiosk_pid)
t0=$(now_ms)
kill -STOP "$old"
new=$(ms_until "$t0" 120 new_pid)
say "sigstop new_pid_ms=$new ready_ms=$(ms_until "$t0" 300 back_and_ready) restarts=$(systemctl show -P NRestarts "$unit")"
say "watchdog $(journalctl -b -u "$unit" -o cat | grep -c 'Watchdog timeout') timeouts in the journal"

# What other ways of drawing would cost, for the record: llvmpipe with its
# worker threads, and SDL's software renderer (display.renderer = "software").
variant() {
  systemctl restart "$unit"
  wait_for 300 active
  sleep 20
  say "variant $1 cpu_percent=$(cpu_percent 30) $(memory) $(journalctl -b -u "$unit" -o cat | grep 'renderer ' | tail -1 | cut -d' ' -f2-3)"
}
mkdir -p /run/systemd/system/$unit.d
printf '[Service]\nUnsetEnvironment=LP_NUM_THREADS\n' >/run/systemd/system/$unit.d/threads.conf
systemctl daemon-reload
variant llvmpipe-threads
rm /run/systemd/system/$unit.d/threads.conf
systemctl daemon-reload
sed -i 's/^renderer = .*/renderer = "software"/' /var/lib/ichhelfe/kiosk.toml
variant software
say "failed units: $(systemctl list-units --failed --plain --no-legend | awk '{print $1}' | xargs)"
say DONE
