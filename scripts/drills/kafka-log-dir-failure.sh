#!/usr/bin/env bash
# A broker's only log directory fails, as a dying disk makes it fail: the directory of a new
# partition cannot be created there (a plain file holds its name, so the broker gets an I/O error),
# the broker takes the whole directory offline and, with no other, stops. Then the files go and the
# broker is started again.
#   kafka-log-dir-failure.sh [--mode kraft|zk]
source "$(dirname "${BASH_SOURCE[0]}")/kafka-lib.sh"
# Before 1.0 (KIP-112) a broker has no failed log directory to take offline: 0.11.0.3 answered the
# controller's LeaderAndIsr request with FileAlreadyExistsException and kept running.
if ! at_least 1.0.0; then bw_log "skipped: Kafka $version has no log directory failure handling (KIP-112, 1.0)"; exit 0; fi
from=$(drill_now)
start_traffic "drill-traffic-$(date +%s)" 50
broker=$(follower_broker)
topic="drill-logdir-$(date +%s)"
data="$BW_RUN_DIR/kafka-$mode/broker-$broker/data"
for p in 0 1 2; do : >"$data/$topic-$p"; done
bw_log "creating $topic: broker $broker cannot create its partition directories in $data"
# The other brokers lead the partitions; the wait for leaders may still time out: not the point.
node "$ENGINES/kafka/cluster.mjs" topic "$bootstrap" "$topic" 3 || true
sleep 20
if bw_pid_alive "$BW_RUN_DIR/kafka-$mode/broker-$broker/pid"; then
  bw_log "broker $broker still runs: stopping it"
  kafka stop-broker "$broker" KILL
else
  bw_log "broker $broker stopped on its own"
fi
rm -f "$data/$topic-"[0-2]
bw_log "starting broker $broker again"
kafka start-broker "$broker"
sleep 15
finish_drill log-dir-failure "$from" "broker $broker could not create the directories of a new topic's partitions in its only log directory (plain files held their names), then was started again without them"
