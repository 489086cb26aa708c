#!/usr/bin/env bash
# Regenerates every Kafka fixture: each drill in each mode where it applies, on a new cluster per
# mode (the mode's state under .run/ is removed first), so that the captured logs are those of a
# fresh installation and not of whatever earlier runs left behind. Stops each cluster afterwards.
#   kafka-fixtures.sh [kraft] [zk]      (both modes when none is given)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here="$BW_REPO/scripts/drills"
modes=("$@"); [ ${#modes[@]} -gt 0 ] || modes=(kraft zk)

for mode in "${modes[@]}"; do
  drills=(follower-pause broker-loss controller-loss unclean-election rolling-restart log-dir-failure reassignment)
  case "$mode" in
    kraft) ;;
    # Only ZooKeeper has a session to expire; KRaft's broker-loss shows the fencing instead.
    zk) drills+=(session-expiry) ;;
    *) bw_die "mode: kraft or zk" ;;
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
done
