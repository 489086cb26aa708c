#!/usr/bin/env bash
# Queue leadership and client connections: a quorum queue and a mirrored classic queue led by r1,
# a client that vanishes without closing, a client that stops sending heartbeats; then r1 stops,
# so r2 and r3 elect a new quorum-queue leader and promote a mirror, and r1 is forgotten.
#   rabbitmq-queues.sh
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"
clients() { (cd "$BW_REPO" && npx --no-install tsx scripts/drills/rabbitmq-clients.ts "$@"); }
start_cluster
# The drill leaves no node running, also when a step fails.
trap 'rabbitmq stop' EXIT
n1=$(rabbitmq node 1); n2=$(rabbitmq node 2)
port1=$(bw_port RABBITMQ_AMQP_PORTS 0)
rabbitmqctl -q -n "$n1" set_policy bw-mirror '^bw-cmq$' '{"ha-mode":"all","ha-sync-mode":"automatic"}' >/dev/null
from=$(drill_now)
clients declare "$port1"
clients abrupt "$port1"
clients heartbeat "$port1"
bw_wait 10 "missed heartbeats logged" grep -q 'missed heartbeats from client' "$BW_RUN_DIR/rabbitmq/r1/log/$n1.log"
rabbitmq stop-node 1
sleep 10
rabbitmqctl -q -n "$n2" forget_cluster_node "$n1" >/dev/null
sleep 3
finish_drill queues "$from" "quorum queue bw-qq and mirrored classic queue bw-cmq declared on $n1, a client exits without closing, a client with a 1 s heartbeat sends nothing for 8 s; then $n1 stops (rabbitmqctl stop) and $n2 forgets it (forget_cluster_node)"
