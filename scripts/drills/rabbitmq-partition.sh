#!/usr/bin/env bash
# Pauses node r3's Erlang VM (SIGSTOP) for 20 s and resumes it: with net_ticktime 4 the others
# see `node r3@host down: net_tick_timeout`, and on resume Mnesia reports
# `inconsistent_database, running_partitioned_network`. The partition handling mode decides what
# follows: ignore (the default: the partition stays), autoheal, pause_minority.
#   rabbitmq-partition.sh [ignore|autoheal|pause_minority]
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"
handling=${1:-ignore}
start_cluster "$handling"
from=$(drill_now)
pid=$(rabbitmq pid 3)
bw_log "pausing $(rabbitmq node 3) (pid $pid) for 20 s"
kill -STOP "$pid"
sleep 20
kill -CONT "$pid"
bw_log "resumed $(rabbitmq node 3)"
sleep 25
finish_drill "partition-$handling" "$from" "$(rabbitmq node 3) paused with SIGSTOP for 20 s, then SIGCONT; cluster_partition_handling = $handling"
