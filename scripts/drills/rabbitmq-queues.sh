#!/usr/bin/env bash
# Cluster membership, queue leadership and client connections: r3 is reset and joins the cluster
# again; a quorum queue and a classic queue led by r1 (mirrored before 4.0, which removed classic
# mirroring), a client that vanishes without closing, a client that stops sending heartbeats;
# then r1 stops, so r2 and r3 elect a new quorum-queue leader and promote a mirror, and r1 is
# forgotten.
#   rabbitmq-queues.sh
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"
clients() { (cd "$BW_REPO" && npx --no-install tsx scripts/drills/rabbitmq-clients.ts "$@"); }
start_cluster
# The drill leaves no node running, also when a step fails.
trap 'rabbitmq stop' EXIT
n1=$(rabbitmq node 1); n2=$(rabbitmq node 2); n3=$(rabbitmq node 3)
port1=$(bw_port RABBITMQ_AMQP_PORTS 0)
classic="classic queue bw-cmq"
if ! bw_version_at_least "$version" 4.0; then
  rabbitmq ctl 1 set_policy bw-mirror '^bw-cmq$' '{"ha-mode":"all","ha-sync-mode":"automatic"}' >/dev/null
  classic="mirrored $classic"
fi
from=$(drill_now)
# While r3 rejoins, the CLI prints the node's transient tracking-table errors on the console; the
# node logs everything that matters, and a failing step still fails the drill.
for step in stop_app reset "join_cluster $n1" start_app; do
  # shellcheck disable=SC2086 # join_cluster takes the node as a second word
  rabbitmq ctl 3 $step >/dev/null 2>&1
done
clients declare "$port1"
clients abrupt "$port1"
clients heartbeat "$port1"
bw_wait 10 "missed heartbeats logged" grep -q 'missed heartbeats from client' "$BW_RUN_DIR/rabbitmq/r1/log/$n1.log"
rabbitmq stop-node 1
sleep 10
rabbitmq ctl 2 forget_cluster_node "$n1" >/dev/null
sleep 3
finish_drill queues "$from" "$n3 reset and joined to $n1 again (stop_app, reset, join_cluster, start_app); quorum queue bw-qq and $classic declared on $n1, a client exits without closing, a client with a 1 s heartbeat sends nothing for 8 s; then $n1 stops (rabbitmqctl stop) and $n2 forgets it (forget_cluster_node)"
