# Shared by the Kafka drills: parse --mode, make sure the cluster runs, produce traffic, capture.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mode=kraft
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode=$2; shift 2 ;;
    *) echo "usage: $0 [--mode kraft|zk]" >&2; exit 2 ;;
  esac
done
kafka() { bash "$ENGINES/kafka.sh" "$1" --mode "$mode" "${@:2}"; }
case "$mode" in kraft) version=${BW_KAFKA_KRAFT_VERSION:-4.1.1} ;; zk) version=${BW_KAFKA_ZK_VERSION:-3.9.1} ;; *) bw_die "mode: kraft or zk" ;; esac

kafka install
kafka start
bootstrap=$(kafka bootstrap)

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
  for b in 1 2 3; do
    for f in server controller state-change; do
      capture_window "$from" "$to" "$BW_RUN_DIR/kafka-$mode/broker-$b/logs/$f.log" "$dest/broker-$b/$f.log"
    done
  done
  note_provenance "$dest" "Kafka $version, $mode mode, three brokers on loopback (scripts/engines/kafka.sh)." \
    "Drill: $description" "Command: bash scripts/drills/kafka-$name.sh --mode $mode" \
    "Captured: $from to $to (broker local time), by scripts/drills/lib.sh capture_window."
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
