#!/usr/bin/env bash
# Kills one broker (SIGKILL, as a crash or an OOM kill does) under a steady producer, waits until
# the leaders have shrunk the ISR and the controller has handled the loss, then starts it again
# and waits until it is back in every ISR.
#   kafka-broker-loss.sh [--mode kraft|zk]
source "$(dirname "${BASH_SOURCE[0]}")/kafka-lib.sh"
from=$(drill_now)
start_traffic "drill-loss-$(date +%s)" 60
broker=$(follower_broker)
bw_log "killing broker $broker"
kafka stop-broker "$broker" KILL
# Past the ZooKeeper session timeout (18 s) and the KRaft broker session timeout (9 s).
sleep 25
bw_log "starting broker $broker again"
kafka start-broker "$broker"
sleep 20
finish_drill broker-loss "$from" "broker $broker killed with SIGKILL under a producer, restarted 25 s later"
