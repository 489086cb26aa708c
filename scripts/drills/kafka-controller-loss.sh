#!/usr/bin/env bash
# Stops the active controller (SIGTERM: an orderly stop, as for maintenance), waits for another
# broker (ZooKeeper mode) or voter (KRaft) to take over, then starts it again.
#   kafka-controller-loss.sh [--mode kraft|zk]
source "$(dirname "${BASH_SOURCE[0]}")/kafka-lib.sh"
from=$(drill_now)
start_traffic "drill-controller-$(date +%s)" 45
controller=$(kafka controller)
[ -n "$controller" ] || bw_die "no active controller found"
bw_log "stopping active controller $controller"
kafka stop-broker "$controller" TERM
sleep 12
bw_log "new controller: $(kafka controller); starting $controller again"
kafka start-broker "$controller"
sleep 10
finish_drill controller-loss "$from" "active controller (broker $controller) stopped with SIGTERM, restarted 12 s later"
