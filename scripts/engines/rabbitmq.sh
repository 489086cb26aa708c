#!/usr/bin/env bash
# A three-node RabbitMQ cluster (r1, r2, r3 @ this host) from Debian's package, on loopback:
#   rabbitmq.sh install|start|stop|status [--partition-handling ignore|autoheal|pause_minority]
#   rabbitmq.sh start-node N | stop-node N | pid N | node N   (for the drills)
#   rabbitmq.sh await-node N SECONDS   (exit 0 once node N has booted, 1 if not within SECONDS)
#   rabbitmq.sh complete   (exit 0 if every node runs in the cluster and none reports a partition)
#   rabbitmq.sh ctl N ARGS...   (rabbitmqctl against node N)
#   rabbitmq.sh version | about   (RabbitMQ's version; where it and its Erlang come from)
# `start` begins a fresh cluster; `-kernel net_ticktime 4` makes a paused node count as down
# after about 4 s, so partitions happen in drill time. rabbitmq-server drops from root to the
# rabbitmq user, so every directory a node writes is owned by it.
# BW_RABBITMQ_SUITE picks another Debian release's RabbitMQ (rabbitmq-package.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-package.sh"

action=${1:-}; shift || true
partition_handling=ignore
if [ "${1:-}" = "--partition-handling" ]; then partition_handling=$2; shift 2; fi

dir="$BW_RUN_DIR/rabbitmq"
host=$(hostname -s)
NODES=(1 2 3)
# Node names are per host, not per port: a checkout with a port offset gets names of its own.
node_name() { if [ "$BW_PORT_OFFSET" = 0 ]; then echo "r$1@$host"; else echo "r$1-$BW_PORT_OFFSET@$host"; fi; }

# with_node_env N COMMAND...: COMMAND in the environment of node N (its name, ports, directories).
with_node_env() {
  local n=$1 ndir="$dir/r$1"; shift
  (
    export RABBITMQ_NODENAME; RABBITMQ_NODENAME=$(node_name "$n")
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT; RABBITMQ_NODE_PORT=$(bw_port RABBITMQ_AMQP_PORTS $(( n - 1 )))
    export RABBITMQ_DIST_PORT; RABBITMQ_DIST_PORT=$(bw_port RABBITMQ_DIST_PORTS $(( n - 1 )))
    export RABBITMQ_MNESIA_BASE="$ndir/mnesia"
    export RABBITMQ_MNESIA_DIR="$ndir/mnesia/$RABBITMQ_NODENAME"
    export RABBITMQ_FEATURE_FLAGS_FILE="$ndir/feature_flags"
    export RABBITMQ_LOG_BASE="$ndir/log"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$ndir/enabled_plugins"
    export RABBITMQ_PID_FILE="$ndir/pid"
    export RABBITMQ_CONFIG_FILE="$ndir/rabbitmq.conf"
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel net_ticktime 4"
    "$@"
  )
}

ctl() { local n=$1; shift; "${in_root[@]}" rabbitmqctl -q -n "$(node_name "$n")" "$@"; }

configure_node() {
  local n=$1 ndir="$dir/r$1"
  mkdir -p "$ndir/log" "$ndir/mnesia"
  echo '[].' >"$ndir/enabled_plugins"
  cat >"$ndir/rabbitmq.conf" <<CONF
cluster_partition_handling = $partition_handling
log.file.level = info
log.console = false
CONF
  "${in_root[@]}" chown -R rabbitmq:rabbitmq "$ndir"
}

start_node() {
  local n=$1
  ctl "$n" status >/dev/null 2>&1 && return 0
  mount_root
  with_node_env "$n" "${in_root[@]}" rabbitmq-server -detached
  bw_wait 120 "RabbitMQ $(node_name "$n")" ctl "$n" await_startup
}

start() {
  rabbitmq_installed || bw_die "not installed: run $0 install"
  stop
  mount_root
  rm -rf "$dir"; mkdir -p "$dir"; "${in_root[@]}" chown rabbitmq:rabbitmq "$dir"
  echo "$partition_handling" >"$dir/partition-handling"
  local n
  for n in "${NODES[@]}"; do configure_node "$n"; done
  local pids=()
  for n in "${NODES[@]}"; do start_node "$n" & pids+=($!); done
  for n in "${pids[@]}"; do wait "$n" || bw_die "a RabbitMQ node did not start (logs under $dir/r*/log)"; done
  for n in "${NODES[@]:1}"; do
    # The CLI reports the joining node's transient table errors on the console; the node logs
    # everything that matters.
    { ctl "$n" stop_app && ctl "$n" join_cluster "$(node_name 1)" && ctl "$n" start_app; } >/dev/null 2>&1 \
      || bw_die "$(node_name "$n") could not join $(node_name 1)"
  done
  bw_wait 60 "RabbitMQ cluster of ${#NODES[@]} nodes" cluster_complete
}

# Every node running in one cluster, none reporting a partition (node 1's status gathers every
# running node's view).
cluster_complete() {
  local running; running=$(ctl 1 cluster_status --formatter json) || return 1
  ! grep -q '"partitions":{"' <<<"$running" || return 1
  local n
  for n in "${NODES[@]}"; do
    grep -q "\"running_nodes\":\[[^]]*\"$(node_name "$n")\"" <<<"$running" || return 1
  done
}

# A node stuck booting never answers `stop`: the CLI gets 30 s, then the VM gets TERM and KILL.
stop_node() {
  local n=$1
  timeout 30 "${in_root[@]}" rabbitmqctl -q -n "$(node_name "$n")" stop >/dev/null 2>&1 || true
  bw_stop_pid "$dir/r$n/pid" 30
}

stop() {
  local n
  for n in "${NODES[@]}"; do [ -d "$dir/r$n" ] && stop_node "$n" & done
  wait
  unmount_root
}

status() {
  local n
  for n in "${NODES[@]}"; do
    if ctl "$n" status >/dev/null 2>&1; then echo "rabbitmq $(node_name "$n"): running on $(bw_port RABBITMQ_AMQP_PORTS $(( n - 1 )))"
    else echo "rabbitmq $(node_name "$n"): stopped"; fi
  done
}

case "$action" in
  install) rabbitmq_install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  start-node) start_node "$1" ;;
  stop-node) stop_node "$1" ;;
  await-node) ctl "$1" await_startup --timeout "$2" >/dev/null 2>&1 ;;
  complete) cluster_complete ;;
  pid) cat "$dir/r$1/pid" ;;
  node) node_name "$1" ;;
  ctl) ctl "$@" ;;
  version) rabbitmq_version ;;
  about) rabbitmq_about ;;
  *) echo "usage: $0 install|start|stop|status [--partition-handling MODE] | start-node|stop-node|pid|node N | await-node N SECONDS | complete | ctl N ARGS... | version | about" >&2; exit 2 ;;
esac
