#!/usr/bin/env bash
# Captures every RabbitMQ fixture of one or more RabbitMQ versions: each drill on a fresh cluster
# (every drill starts one), into test/fixtures/rabbitmq/<version>-<drill>/. Stops the cluster
# afterwards.
#   rabbitmq-fixtures.sh [SUITE]...   (the host's package when none is given)
# A SUITE is a Debian release whose package runs in a chroot (scripts/engines/rabbitmq.sh,
# BW_RABBITMQ_SUITE): e.g. `rabbitmq-fixtures.sh bullseye trixie sid` captures 3.8.9, 4.0.5 and sid's.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here="$BW_REPO/scripts/drills"
suites=("$@"); [ ${#suites[@]} -gt 0 ] || suites=("")

for suite in "${suites[@]}"; do
  if [ -n "$suite" ]; then export BW_RABBITMQ_SUITE=$suite; else unset BW_RABBITMQ_SUITE; fi
  for handling in ignore autoheal pause_minority; do
    bw_log "rabbitmq ${suite:-host}: drill partition $handling"
    bash "$here/rabbitmq-partition.sh" "$handling"
  done
  for drill in alarms node-restart node-crash queues; do
    bw_log "rabbitmq ${suite:-host}: drill $drill"
    bash "$here/rabbitmq-$drill.sh"
  done
  bash "$ENGINES/rabbitmq.sh" stop
done
