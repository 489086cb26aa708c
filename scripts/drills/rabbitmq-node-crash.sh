#!/usr/bin/env bash
# Kills node r3's Erlang VM (SIGKILL, as the OOM killer does: no last words in any log) and leaves it
# down for 90 s before starting it again: only its peers tell of it, `node r3 down`, then `up`.
# Down past rabbitmq_node_down's pending minute, so unlike a restart it pages.
#   rabbitmq-node-crash.sh
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"
start_cluster
from=$(drill_now)
bw_log "killing $(rabbitmq node 3)"
kill -KILL "$(rabbitmq pid 3)"
sleep 90
rabbitmq start-node 3
sleep 10
finish_drill node-crash "$from" "$(rabbitmq node 3) killed with SIGKILL, started again 90 s later"
