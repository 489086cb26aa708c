# Shared by the RabbitMQ drills: a fresh three-node cluster, and capture of every node's log.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rabbitmq() { bash "$ENGINES/rabbitmq.sh" "$@"; }
version=$(rabbitmqctl version 2>/dev/null || dpkg-query -W -f='${Version}' rabbitmq-server | cut -d- -f1)

# start_cluster [PARTITION_HANDLING]
start_cluster() {
  rabbitmq install
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
  note_provenance "$dest" "RabbitMQ $version (Debian package), Erlang $(erl -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().'), three nodes on loopback (scripts/engines/rabbitmq.sh)." \
    "Drill: $description" "Command: bash scripts/drills/rabbitmq-${name%%-*}.sh ${name#*-}" \
    "Captured: $from to $to (node local time), by scripts/drills/lib.sh capture_window."
  bw_log "captured $dest"
}
