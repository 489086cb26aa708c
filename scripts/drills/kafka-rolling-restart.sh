#!/usr/bin/env bash
# A rolling restart, as an upgrade or a config change does it: every broker in turn, the active
# controller last, stopped with SIGTERM (a controlled shutdown that moves its leaders away first),
# started again once it is down, and given time to rejoin every ISR before the next, under a steady
# producer. Planned work: what pages here pages on every upgrade.
#   kafka-rolling-restart.sh [--mode kraft|zk]
source "$(dirname "${BASH_SOURCE[0]}")/kafka-lib.sh"
from=$(drill_now)
start_traffic "drill-rolling-$(date +%s)" 150
find_controller
order=("${OTHERS[@]}" "$CONTROLLER")
for broker in "${order[@]}"; do
  bw_log "restarting broker $broker"
  kafka stop-broker "$broker" TERM
  sleep 5
  kafka start-broker "$broker"
  # Back in every ISR: replica.lag.time.max.ms is 4 s and the traffic is light.
  sleep 15
done
finish_drill rolling-restart "$from" "every broker restarted in turn with SIGTERM (controlled shutdown), broker ${order[0]} first, the active controller (broker $CONTROLLER) last"
