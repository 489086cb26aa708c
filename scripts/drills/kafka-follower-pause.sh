#!/usr/bin/env bash
# Pauses one follower (SIGSTOP) for 9 s under a steady producer, then resumes it (SIGCONT).
# Leaders shrink the ISR after replica.lag.time.max.ms (4 s) and expand it once it catches up:
# the 2.2+ wording `Shrinking ISR from 3,1,2 to 1,2. Leader: (highWatermark: ...). Out of sync
# replicas: ...` (Partition.scala@2.2.2, and the 2.2.2 drill), and on 3.9+/4.x `ISR updated to
# 1,2,3 and version updated to N`.
#   kafka-follower-pause.sh [--mode kraft|zk]
source "$(dirname "${BASH_SOURCE[0]}")/kafka-lib.sh"
from=$(drill_now)
start_traffic "drill-pause-$(date +%s)" 35
broker=$(follower_broker)
pause_broker "$broker" 9
finish_drill follower-pause "$from" "broker $broker paused with SIGSTOP for 9 s under a producer, then SIGCONT"
