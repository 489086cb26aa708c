#!/usr/bin/env bash
# Stops node r2 in an orderly way and starts it again: the peers log it down and up.
#   rabbitmq-node-restart.sh
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"
start_cluster
from=$(drill_now)
rabbitmq stop-node 2
sleep 10
rabbitmq start-node 2
sleep 10
finish_drill node-restart "$from" "$(rabbitmq node 2) stopped with rabbitmqctl stop and started again 10 s later"
