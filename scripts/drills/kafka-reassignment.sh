#!/usr/bin/env bash
# Moves a topic's replicas to other brokers, as a rebalance or the decommissioning of a broker does:
# three partitions on brokers 1 and 2, under a producer, reassigned to 2 and 3 (the leaders move off
# broker 1) with Kafka's own tool, then watched until it reports every move complete. Planned work:
# what pages here pages on every rebalance.
#   kafka-reassignment.sh [--mode kraft|zk]
source "$(dirname "${BASH_SOURCE[0]}")/kafka-lib.sh"
from=$(drill_now)
topic="drill-reassign-$(date +%s)"
node "$ENGINES/kafka/cluster.mjs" topic "$bootstrap" "$topic" 3 1,2
node "$ENGINES/kafka/cluster.mjs" produce "$bootstrap" "$topic" 45 &
producer=$!
sleep 5
plan="$BW_RUN_DIR/kafka-$mode/$topic.json"
moves=()
for p in 0 1 2; do moves+=("{\"topic\":\"$topic\",\"partition\":$p,\"replicas\":[2,3]}"); done
(IFS=,; printf '{"version":1,"partitions":[%s]}\n' "${moves[*]}") >"$plan"
bw_log "reassigning $topic from brokers 1,2 to 2,3"
# Before 2.6 the tool writes the plan to ZooKeeper itself and reports `Reassignment of partition
# t-0 completed successfully`; KIP-455's rewrite in 2.6 goes through the admin API and says
# `... is complete.`
if at_least 2.6.0; then connect=(--bootstrap-server "$bootstrap") complete='is complete'
else connect=(--zookeeper "127.0.0.1:$(bw_port ZOOKEEPER_PORT)") complete='completed successfully'; fi
kafka tool reassign-partitions "${connect[@]}" --reassignment-json-file "$plan" --execute
done_moves=0
for _ in $(seq 60); do
  done_moves=$(kafka tool reassign-partitions "${connect[@]}" --reassignment-json-file "$plan" --verify 2>/dev/null | grep -c "$complete" || true)
  [ "$done_moves" -ge 3 ] && break
  sleep 2
done
[ "$done_moves" -ge 3 ] || bw_die "the reassignment of $topic did not complete"
bw_log "reassignment complete"
sleep 10
finish_drill reassignment "$from" "the replicas of three partitions moved from broker 1 and 2 to brokers 2 and 3 with ReassignPartitionsCommand under a producer"
