# Shared by the RabbitMQ drills: a fresh three-node cluster, and capture of every node's log.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rabbitmq() { bash "$ENGINES/rabbitmq.sh" "$@"; }
# How the drill that sourced this file was invoked, for its PROVENANCE note: a second cluster's
# port offset shows in its node names (r1-1000@host).
drill_env=${BW_RABBITMQ_SUITE:+BW_RABBITMQ_SUITE=$BW_RABBITMQ_SUITE }
[ "$BW_PORT_OFFSET" = 0 ] || drill_env+="BW_PORT_OFFSET=$BW_PORT_OFFSET BW_RUN_DIR=$BW_RUN_DIR "
drill_command="${drill_env}bash scripts/drills/$(basename "$0")${*:+ $*}"
rabbitmq install
version=$(rabbitmq version)

# start_cluster [PARTITION_HANDLING]
start_cluster() {
  rabbitmq start --partition-handling "${1:-ignore}"
}

# finish_drill NAME FROM DESCRIPTION: capture each node's log written since FROM.
finish_drill() {
  local name=$1 from=$2 description=$3 to n
  sleep 2
  to=$(drill_now)
  local dest="$FIXTURES/rabbitmq/$version-$name"
  rm -rf "$dest"
  for n in 1 2 3; do
    capture_window "$from" "$to" "$BW_RUN_DIR/rabbitmq/r$n/log/$(rabbitmq node "$n").log" "$dest/r$n.log"
  done
  note_provenance "$dest" "$(rabbitmq about), three nodes on loopback (scripts/engines/rabbitmq.sh)." \
    "Drill: $description" "Command: $drill_command" \
    "Captured: $from to $to (node local time), by scripts/drills/lib.sh capture_window."
  bw_log "captured $dest"
}
