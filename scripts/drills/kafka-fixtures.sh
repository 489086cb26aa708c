#!/usr/bin/env bash
# Regenerates every Kafka fixture: each drill in each mode where it applies, on a new cluster per
# mode (the mode's state under .run/ is removed first), so that the captured logs are those of a
# fresh installation and not of whatever earlier runs left behind. Stops each cluster afterwards.
#   kafka-fixtures.sh [MODE[:VERSION]]...   (kraft and zk at kafka.sh's versions when none is given)
# e.g. `kafka-fixtures.sh zk:2.8.2 kraft:3.3.2` captures test/fixtures/kafka/2.8.2-zk and 3.3.2-kraft.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here="$BW_REPO/scripts/drills"
runs=("$@"); [ ${#runs[@]} -gt 0 ] || runs=(kraft zk)

for run in "${runs[@]}"; do
  mode=${run%%:*}
  drills=(follower-pause broker-loss controller-loss unclean-election rolling-restart log-dir-failure reassignment)
  case "$mode" in
    kraft) [ "$run" = "$mode" ] || export BW_KAFKA_KRAFT_VERSION=${run#*:} ;;
    # Only ZooKeeper has a session to expire; KRaft's broker-loss shows the fencing instead.
    zk) drills+=(session-expiry); [ "$run" = "$mode" ] || export BW_KAFKA_ZK_VERSION=${run#*:} ;;
    *) bw_die "mode: kraft or zk, optionally :VERSION" ;;
  esac
  bash "$ENGINES/kafka.sh" stop --mode "$mode"
  rm -rf "$BW_RUN_DIR/kafka-$mode"
  bash "$ENGINES/kafka.sh" install --mode "$mode"
  started=$SECONDS
  bash "$ENGINES/kafka.sh" start --mode "$mode"
  bw_log "kafka-$mode: started from scratch in $(( SECONDS - started )) s"
  for drill in "${drills[@]}"; do
    bw_log "kafka-$mode: drill $drill"
    bash "$here/kafka-$drill.sh" --mode "$mode"
  done
  bash "$ENGINES/kafka.sh" stop --mode "$mode"
  unset BW_KAFKA_KRAFT_VERSION BW_KAFKA_ZK_VERSION
done
