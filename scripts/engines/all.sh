#!/usr/bin/env bash
# Installs, starts or stops every engine the integration suites need: Elasticsearch (plain and
# secured), Kafka in KRaft mode (4.1.1) and in ZooKeeper mode (3.9.1), a RabbitMQ cluster,
# Prometheus Alertmanager and the chromium the web page is tested in; `install` also installs
# rsyslog, the baseline of `npm run bench:ingest`.
#   all.sh install | start | stop | status
# `start` brings the engines up side by side and fails, with the failing engine's output, if any
# of them is not ready; `stop` ends only what the scripts started.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here="$BW_REPO/scripts/engines"

# Each line: a name, then the script and its arguments.
ENGINES=(
  "elasticsearch elasticsearch.sh"
  "elasticsearch-secure elasticsearch.sh --secure"
  "elasticsearch-tls elasticsearch.sh --tls"
  "kafka-kraft kafka.sh --mode kraft"
  "kafka-zk kafka.sh --mode zk"
  "rabbitmq rabbitmq.sh"
  "alertmanager alertmanager.sh"
  "chromium chromium.sh"
)

# run_all ACTION: the action for every engine at once; each one's output goes to a log of its own.
run_all() {
  local action=$1 pids=() names=() failed=0
  mkdir -p "$BW_RUN_DIR/all"
  for entry in "${ENGINES[@]}"; do
    read -r name script args <<<"$entry"
    # shellcheck disable=SC2086  # args is a word list on purpose
    bash "$here/$script" "$action" $args >"$BW_RUN_DIR/all/$name.$action.log" 2>&1 &
    pids+=($!); names+=("$name")
  done
  for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then
      bw_log "${names[$i]}: $action done"
    else
      failed=1
      bw_log "${names[$i]}: $action FAILED; its output:"
      sed 's/^/    /' "$BW_RUN_DIR/all/${names[$i]}.$action.log" >&2
    fi
  done
  return $failed
}

case "${1:-}" in
  install)
    # Installs share the Maven cache and apt's lock: one after the other.
    for entry in "${ENGINES[@]}"; do
      read -r name script args <<<"$entry"
      bw_log "$name: install"
      # shellcheck disable=SC2086
      bash "$here/$script" install $args
    done
    # Installed only: the ingest benchmark runs its own rsyslogd as a baseline; nothing starts one.
    bw_log "rsyslog: install"
    bash "$here/rsyslog.sh" install
    ;;
  start | stop | status) run_all "$1" ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
