#!/usr/bin/env bash
# Prometheus Alertmanager from Debian's prometheus-alertmanager package, one instance on loopback,
# clustering off, for the test of brokerwatch's Alertmanager notifier against the real v2 API:
#   alertmanager.sh install|start|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

name=alertmanager
port=$(bw_port ALERTMANAGER_PORT)
dir="$BW_RUN_DIR/$name"
pidfile="$dir/alertmanager.pid"
binary=/usr/bin/prometheus-alertmanager

install() { bw_apt_install prometheus-alertmanager; }

healthy() { curl -fsS "http://127.0.0.1:$port/-/ready" >/dev/null; }

start() {
  if bw_pid_alive "$pidfile" && healthy; then bw_log "$name already running on $port"; return 0; fi
  [ -x "$binary" ] || bw_die "not installed: run $0 install"
  rm -rf "$dir"; mkdir -p "$dir/data"
  # A receiver with no integrations: the tests read alerts back through the API, nothing is sent.
  cat >"$dir/alertmanager.yml" <<YAML
route:
  receiver: none
  group_wait: 1s
receivers:
  - name: none
YAML
  "$binary" --config.file="$dir/alertmanager.yml" --storage.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --cluster.listen-address= >"$dir/stdout.log" 2>&1 &
  echo $! >"$pidfile"
  bw_wait 60 "$name on 127.0.0.1:$port" healthy
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) bw_stop_pid "$pidfile" 30 ;;
  status) if bw_pid_alive "$pidfile" && healthy; then echo "$name: running on $port"; else echo "$name: stopped"; fi ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
