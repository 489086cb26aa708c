#!/usr/bin/env bash
# ZooKeeper mode only: pauses one broker for longer than zookeeper.session.timeout.ms (18 s), so
# ZooKeeper expires its session and the controller drops it; on SIGCONT the broker notices the
# expired session, re-registers, and rejoins the ISRs.
#   kafka-session-expiry.sh --mode zk
source "$(dirname "${BASH_SOURCE[0]}")/kafka-lib.sh"
[ "$mode" = zk ] || bw_die "session expiry is a ZooKeeper-mode drill"
from=$(drill_now)
start_traffic "drill-session-$(date +%s)" 55
broker=$(follower_broker)
pause_broker "$broker" 25
sleep 15
finish_drill session-expiry "$from" "broker $broker paused with SIGSTOP for 25 s (session timeout 18 s), then SIGCONT"
