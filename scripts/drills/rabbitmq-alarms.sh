#!/usr/bin/env bash
# Raises and clears both resource alarms on node r1: the memory alarm through a tiny high
# watermark, the disk alarm through a free-disk limit larger than the disk. Each writes RabbitMQ's
# multi-line alarm banner.
#   rabbitmq-alarms.sh
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"
start_cluster
from=$(drill_now)
rabbitmq ctl 1 set_vm_memory_high_watermark 0.00001 >/dev/null
sleep 5
rabbitmq ctl 1 set_vm_memory_high_watermark 0.4 >/dev/null
sleep 5
rabbitmq ctl 1 set_disk_free_limit 100000GB >/dev/null
# The disk monitor checks every few seconds.
sleep 15
rabbitmq ctl 1 set_disk_free_limit 50MB >/dev/null
sleep 15
finish_drill alarms "$from" "memory alarm set and cleared on $(rabbitmq node 1) (set_vm_memory_high_watermark 0.00001, then 0.4), then the disk alarm (set_disk_free_limit 100000GB, then 50MB)"
