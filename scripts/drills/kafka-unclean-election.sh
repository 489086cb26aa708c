#!/usr/bin/env bash
# A partition loses every in-sync replica and comes back on an out-of-sync one: the data loss that
# unclean.leader.election.enable trades for availability. A topic on two brokers that are not the
# active controller, leader L and follower F, with unclean leader election on: F is killed and
# falls out of the ISR while a producer writes to L alone; then L is killed (the partitions have no
# leader) and F started again, and the controller elects F though it was not in the ISR. Last, L
# starts again and truncates what F never had. KRaft before 3.9 ignores the topic's
# unclean.leader.election.enable (ConfigurationControlManager.uncleanLeaderElectionEnabledForTopic
# returns false, a TODO): there an operator elects F with Kafka's leader-election tool, and so does
# the drill.
#   kafka-unclean-election.sh [--mode kraft|zk]
source "$(dirname "${BASH_SOURCE[0]}")/kafka-lib.sh"
from=$(drill_now)
find_controller
leader=${OTHERS[0]} follower=${OTHERS[1]}
topic="drill-unclean-$(date +%s)"
node "$ENGINES/kafka/cluster.mjs" topic "$bootstrap" "$topic" 3 "$leader,$follower" unclean.leader.election.enable=true min.insync.replicas=1
node "$ENGINES/kafka/cluster.mjs" produce "$bootstrap" "$topic" 80 &
producer=$!
sleep 3
bw_log "killing follower $follower"
kafka stop-broker "$follower" KILL
# Past replica.lag.time.max.ms (4 s): the leader shrinks the ISR to itself and writes on.
sleep 15
bw_log "killing leader $leader"
kafka stop-broker "$leader" KILL
# Past the ZooKeeper session timeout (18 s): the controller takes the partitions offline. (KRaft:
# with two of three voters gone the quorum waits for one to come back.)
sleep 22
bw_log "starting the out-of-sync follower $follower"
kafka start-broker "$follower" 2
how="the controller elected it"
if [ "$mode" = kraft ] && ! at_least 3.9.0; then
  plan="$BW_RUN_DIR/kafka-$mode/$topic-election.json"
  partitions=()
  for p in 0 1 2; do partitions+=("{\"topic\":\"$topic\",\"partition\":$p}"); done
  (IFS=,; printf '{"partitions":[%s]}\n' "${partitions[*]}") >"$plan"
  # The partitions keep their dead leader until the controller, active again once F restored the
  # quorum, fences L when L's session times out (seconds later under load, as on 3.8.1); until
  # then the tool answers `Valid replica already elected`. An operator asks again; so does the drill.
  for attempt in 1 2 3 4 5 6; do
    sleep 5
    bw_log "electing $follower with the leader-election tool (KRaft before 3.9 ignores the topic config), attempt $attempt"
    answer=$(kafka tool leader-election --bootstrap-server "$bootstrap" --election-type unclean --path-to-json-file "$plan" 2>&1) || true
    echo "$answer"
    grep -q "Successfully completed leader election" <<<"$answer" && break
  done
  how="elected with Kafka's leader-election tool (--election-type unclean: KRaft before 3.9 ignores the topic config)"
fi
sleep 15
bw_log "starting the old leader $leader"
kafka start-broker "$leader"
sleep 15
finish_drill unclean-election "$from" "follower broker $follower killed (partitions on $leader, the leader, and $follower, unclean leader election on), leader $leader killed 15 s later, $follower started 22 s after that with no replica of the ISR alive and $how, $leader 15 s later"
