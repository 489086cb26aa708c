# Shared by the Kafka drills: parse --mode, make sure the cluster runs, produce traffic, capture.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mode=kraft
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode=$2; shift 2 ;;
    *) echo "usage: $0 [--mode kraft|zk]" >&2; exit 2 ;;
  esac
done
case "$mode" in kraft|zk) ;; *) bw_die "mode: kraft or zk" ;; esac
kafka() { bash "$ENGINES/kafka.sh" "$1" --mode "$mode" "${@:2}"; }
# The mode's version: BW_KAFKA_KRAFT_VERSION / BW_KAFKA_ZK_VERSION, or kafka.sh's default.
version=$(kafka version)
at_least() { bw_version_at_least "$version" "$1"; }

kafka install
kafka start
bootstrap=$(kafka bootstrap)

# find_controller: CONTROLLER, the active controller's id, and OTHERS, the other brokers in id
# order (set here, not printed: a failure stops the drill).
find_controller() {
  local b
  CONTROLLER=$(kafka controller)
  [ -n "$CONTROLLER" ] || bw_die "no active controller found"
  OTHERS=()
  for b in 1 2 3; do [ "$b" != "$CONTROLLER" ] && OTHERS+=("$b"); done
  return 0
}

# A broker that is not the active controller: losing it shows the partition leaders' view.
follower_broker() {
  local controller b; controller=$(kafka controller)
  for b in 3 2 1; do [ "$b" != "$controller" ] && { echo "$b"; return; }; done
}

# start_traffic TOPIC SECONDS: a replicated topic with a steady producer in the background.
start_traffic() {
  node "$ENGINES/kafka/cluster.mjs" topic "$bootstrap" "$1" 6
  node "$ENGINES/kafka/cluster.mjs" produce "$bootstrap" "$1" "$2" &
  producer=$!
  sleep 3
}

# finish_drill NAME FROM DESCRIPTION: wait for the producer, then capture every broker's
# server.log, controller.log and state-change.log written since FROM.
finish_drill() {
  local name=$1 from=$2 description=$3 to b f
  wait "$producer" || true
  sleep 2
  to=$(drill_now)
  local dest="$FIXTURES/kafka/$version-$mode/$name"
  rm -rf "$dest"
  local joined="$BW_RUN_DIR/kafka-$mode/capture.tmp" log
  for b in 1 2 3; do
    for f in server controller state-change; do
      # Kafka's own config rolls every file on the hour (server.log.2024-01-01-10, ...): a drill
      # that spans the hour has its start in the rolled file. Those names sort chronologically.
      log="$BW_RUN_DIR/kafka-$mode/broker-$b/logs/$f.log"
      [ -f "$log" ] || continue
      # shellcheck disable=SC2046  # the rolled files' names have no spaces
      cat $(ls -1 "$log".* 2>/dev/null | sort) "$log" >"$joined"
      capture_window "$from" "$to" "$joined" "$dest/broker-$b/$f.log"
    done
  done
  rm -f "$joined"
  note_provenance "$dest" "Kafka $version, $mode mode, three brokers on loopback (scripts/engines/kafka.sh)." \
    "Drill: $description" "Command: bash scripts/drills/kafka-$name.sh --mode $mode" \
    "Captured: $from to $to (broker local time), by scripts/drills/lib.sh capture_window."
  write_fixture_index
  bw_log "captured $dest"
}

# pause_broker BROKER SECONDS: freeze the broker's JVM (SIGSTOP), as a long GC pause or a stalled
# disk does, then let it run again (SIGCONT).
pause_broker() {
  bw_log "pausing broker $1 for $2 s"
  kafka signal-broker "$1" STOP
  sleep "$2"
  kafka signal-broker "$1" CONT
  bw_log "resumed broker $1"
}

# test/fixtures/kafka/README.md, the index of the Kafka fixtures, rebuilt from every drill's
# PROVENANCE so that it cannot disagree with what was captured.
write_fixture_index() {
  local root="$FIXTURES/kafka" p folder
  {
    cat <<'TEXT'
# Kafka fixtures

Logs of real Kafka brokers on loopback (`scripts/engines/kafka.sh`), captured by the drill
scripts in `scripts/drills/` while they made the cluster misbehave. Each folder
`<version>-<mode>/<drill>/broker-<n>/` holds that broker's `server.log`, `controller.log` and
`state-change.log` (a file the broker did not write to during the drill is absent), cut to the
drill's time window in whole lines and never edited. `PROVENANCE` in each drill folder says what
was done. (`public/` holds public real-world samples; its README names their sources.) This
index is written by the drills; regenerate everything with
`bash scripts/drills/kafka-fixtures.sh` (see docs/engines/kafka.md).

| Fixture | Kafka | Mode | Drill | Command | Captured (broker local time) |
|---|---|---|---|---|---|
TEXT
    for p in "$root"/*/*/PROVENANCE; do
      [ -f "$p" ] || continue
      folder=${p#"$root"/}; folder=${folder%/PROVENANCE}
      printf '| `%s` | %s | %s | %s | `%s` | %s |\n' "$folder" \
        "$(sed -n '1s/^Kafka \([^,]*\),.*/\1/p' "$p")" "$(sed -n '1s/^Kafka [^,]*, \([a-z]*\) mode.*/\1/p' "$p")" \
        "$(sed -n 's/^Drill: //p' "$p")" "$(sed -n 's/^Command: //p' "$p")" \
        "$(sed -n 's/^Captured: \(.*\) (broker local time).*/\1/p' "$p")"
    done
  } >"$root/README.md"
}
