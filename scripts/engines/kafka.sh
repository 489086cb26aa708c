#!/usr/bin/env bash
# A three-broker Kafka cluster on loopback, as a real installation runs it:
#   kafka.sh install|start|stop|status --mode kraft|zk
#   kraft: Kafka 4.1.1 in KRaft mode, three nodes that are each broker and controller (a
#          three-voter quorum, so losing the active controller elects another);
#   zk:    Kafka 3.9.1 in ZooKeeper mode, three brokers and a ZooKeeper from the same classpath.
# BW_KAFKA_KRAFT_VERSION / BW_KAFKA_ZK_VERSION run another version (KRaft from 3.3, ZooKeeper mode
# from 0.10.2), with the Scala build, logging and tools that version's own distribution has.
# Brokers write server.log, controller.log, state-change.log, ... with Kafka's own layout under
# .run/kafka-<mode>/broker-<n>/logs/. Also, for the drills:
#   kafka.sh pid --mode M N         the pid of broker N
#   kafka.sh start-broker --mode M N [LIVE] / stop-broker --mode M N [TERM|KILL]
#                                   (start-broker waits for LIVE brokers in the cluster, 3 by default)
#   kafka.sh signal-broker --mode M N STOP|CONT
#   kafka.sh controller --mode M    the id of the active controller
#   kafka.sh bootstrap --mode M     the bootstrap servers
#   kafka.sh version --mode M       the Kafka version the mode runs
#   kafka.sh tool --mode M NAME ARGS...    one of Kafka's command-line tools: reassign-partitions,
#                                   leader-election, metadata-quorum, storage, zookeeper-shell
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

action=${1:-}; shift || true
mode=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode=$2; shift 2 ;;
    *) break ;;
  esac
done
case "$mode" in
  kraft) version=${BW_KAFKA_KRAFT_VERSION:-4.1.1}; ports_name=KAFKA_KRAFT_PORTS ;;
  zk) version=${BW_KAFKA_ZK_VERSION:-3.9.1}; ports_name=KAFKA_ZK_PORTS ;;
  *) echo "usage: $0 install|start|stop|status --mode kraft|zk" >&2; exit 2 ;;
esac

at_least() { bw_version_at_least "$version" "$1"; }
# As the version's own distribution has it (gradle/dependencies.gradle and config/log4j.properties
# at its tag): Scala 2.13 builds from 2.4.0 (2.12 ones from 0.10.2.0); log4j 1.2.17 up to 3.1.0,
# reload4j from 3.1.1 (same layout and files), log4j2 from 4.0; state.change.logger at TRACE up
# to 2.5 (KAFKA-8470 lowered it to INFO in 2.6), which fills state-change.log with every
# replica's and partition's state transition; 0.10 wrote only the kafka.* loggers to server.log.
if at_least 2.4.0; then scala=2.13; else scala=2.12; fi
if at_least 4.0.0; then binding=log4j2; elif at_least 3.1.1; then binding=reload4j; else binding=log4j; fi
if at_least 2.6.0; then state_change_level=INFO; else state_change_level=TRACE; fi
if at_least 0.11.0.0; then root_appenders="stdout, kafkaAppender" kafka_appender=""
else root_appenders=stdout kafka_appender=", kafkaAppender"; fi
profiles=$binding
at_least 1.1.0 || profiles+=,jaxb

conf="$BW_REPO/scripts/engines/kafka"
home="$BW_CACHE_DIR/kafka-$version"
dir="$BW_RUN_DIR/kafka-$mode"
BROKERS=(1 2 3)
# Kafka 2.0-2.3 ship ZooKeeper's 3.4.13/3.4.14 client, which cannot connect on Java 14+: its
# StaticHostProvider.getHostString takes the host from an unresolved address's toString(), which Java
# 14 changed to `127.0.0.1/<unresolved>:2181`, and the connection fails with UnresolvedAddressException.
# Those brokers (and their ZooKeeper, from the same classpath) run on Java 11; every other version on 17.
if at_least 2.0.0 && ! at_least 2.4.0; then java_bin="$(bw_java11_home)/bin/java"; else java_bin="$JAVA17_HOME/bin/java"; fi

broker_port() { bw_port "$ports_name" $(( $1 - 1 )); }
bootstrap() { local b out=""; for b in "${BROKERS[@]}"; do out+="${out:+,}127.0.0.1:$(broker_port "$b")"; done; echo "$out"; }

install() {
  if [ ! -f "$home/.complete" ]; then
    bw_log "downloading Kafka $version (Scala $scala, $binding)"
    rm -rf "$home"
    mvn -q -f "$conf/pom.xml" -P "$profiles" -Dkafka.version="$version" -Dscala.binary.version="$scala" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$home/lib"
    touch "$home/.complete"
  fi
  # Every class on the classpath, for tool_class (also for a classpath cached before it existed).
  if [ ! -f "$home/classes" ]; then
    bw_apt_install unzip
    local jar
    for jar in "$home"/lib/*.jar; do unzip -Z1 "$jar"; done | sed -n 's/\.class$//p' | tr / . | sort -u >"$home/classes.tmp"
    mv "$home/classes.tmp" "$home/classes"
  fi
}

# The logging configuration of a broker (and ZooKeeper) of this version, as its distribution starts it.
if [ "$binding" = log4j2 ]; then logging=(-Dlog4j2.configurationFile="file:$conf/log4j2.xml")
else
  logging=(-Dlog4j.configuration="file:$conf/log4j.properties" -Dkafka.state.change.log.level="$state_change_level"
    -Dkafka.log4j.root.appenders="$root_appenders" -Dkafka.log4j.kafka.appender="$kafka_appender")
fi

# Tools, unlike brokers, get no logging configuration: their output is what the scripts read.
kafka_java() { "$java_bin" -cp "$home/lib/*" "$@"; }

# tool_class NAME: the main class of a command-line tool in this version. Kafka moved its tools
# from kafka.admin/kafka.tools (Scala, core) to org.apache.kafka.tools over 3.x; the first
# candidate present in the jars wins.
tool_class() {
  local candidates class
  case "$1" in
    reassign-partitions) candidates="org.apache.kafka.tools.reassign.ReassignPartitionsCommand kafka.admin.ReassignPartitionsCommand" ;;
    metadata-quorum) candidates="org.apache.kafka.tools.MetadataQuorumCommand kafka.admin.MetadataQuorumCommand" ;;
    leader-election) candidates="org.apache.kafka.tools.LeaderElectionCommand kafka.admin.LeaderElectionCommand" ;;
    storage) candidates="kafka.tools.StorageTool" ;;
    zookeeper-shell) candidates="org.apache.zookeeper.ZooKeeperMain" ;;
    *) bw_die "unknown tool $1" ;;
  esac
  for class in $candidates; do grep -qxF "$class" "$home/classes" && { echo "$class"; return; }; done
  bw_die "Kafka $version has no $1 tool (none of: $candidates)"
}

kafka_tool() { local class; class=$(tool_class "$1"); kafka_java "$class" "${@:2}"; }

write_broker_config() {
  local n=$1 port; port=$(broker_port "$n")
  local bdir="$dir/broker-$n"
  mkdir -p "$bdir/data" "$bdir/logs"
  {
    cat <<PROPS
log.dirs=$bdir/data
num.partitions=3
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
group.initial.rebalance.delay.ms=0
# Quick drills: a follower is out of sync after 4 s without fetching.
replica.lag.time.max.ms=4000
PROPS
    if [ "$mode" = zk ]; then
      cat <<PROPS
broker.id=$n
listeners=PLAINTEXT://127.0.0.1:$port
zookeeper.connect=127.0.0.1:$(bw_port ZOOKEEPER_PORT)
zookeeper.session.timeout.ms=18000
PROPS
    else
      local voters="" v
      for v in "${BROKERS[@]}"; do voters+="${voters:+,}$v@127.0.0.1:$(bw_port KAFKA_KRAFT_CONTROLLER_PORTS $(( v - 1 )))"; done
      cat <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$(bw_port KAFKA_KRAFT_CONTROLLER_PORTS $(( n - 1 )))
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
PROPS
    fi
  } >"$bdir/server.properties"
}

start_zookeeper() {
  local zdir="$dir/zookeeper"
  bw_pid_alive "$zdir/pid" && return 0
  mkdir -p "$zdir/data"
  cat >"$zdir/zookeeper.properties" <<PROPS
dataDir=$zdir/data
clientPort=$(bw_port ZOOKEEPER_PORT)
clientPortAddress=127.0.0.1
maxClientCnxns=0
admin.enableServer=false
PROPS
  nohup "$java_bin" -Xmx256m -cp "$home/lib/*" "${logging[@]}" \
    -Dkafka.logs.dir="$zdir" org.apache.zookeeper.server.quorum.QuorumPeerMain "$zdir/zookeeper.properties" \
    >"$zdir/zookeeper.out" 2>&1 &
  echo $! >"$zdir/pid"
  bw_wait 60 "ZooKeeper on $(bw_port ZOOKEEPER_PORT)" bash -c "exec 3<>/dev/tcp/127.0.0.1/$(bw_port ZOOKEEPER_PORT)"
}

start_broker() {
  local n=$1
  local bdir="$dir/broker-$n"
  bw_pid_alive "$bdir/pid" && return 0
  # kafka-server-start.sh writes the console to kafkaServer.out; so do we.
  nohup "$java_bin" -Xms384m -Xmx384m -XX:+UseG1GC -cp "$home/lib/*" "${logging[@]}" -Dkafka.logs.dir="$bdir/logs" \
    kafka.Kafka "$bdir/server.properties" >"$bdir/logs/kafkaServer.out" 2>&1 &
  echo $! >"$bdir/pid"
}

format_kraft() {
  local cluster_id n
  [ -f "$dir/cluster-id" ] || kafka_tool storage random-uuid >"$dir/cluster-id"
  cluster_id=$(cat "$dir/cluster-id")
  # Side by side: each format is a JVM start of a few seconds, and CI formats on every run.
  local pids=() pid
  for n in "${BROKERS[@]}"; do
    [ -f "$dir/broker-$n/data/meta.properties" ] && continue
    kafka_tool storage format -t "$cluster_id" -c "$dir/broker-$n/server.properties" >/dev/null &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
}

start() {
  [ -f "$home/.complete" ] || bw_die "not installed: run $0 install --mode $mode"
  # Another version's data and registrations would be read as this one's.
  if [ -f "$dir/version" ] && [ "$(cat "$dir/version")" != "$version" ]; then
    bw_die "$dir holds Kafka $(cat "$dir/version"): stop it and remove the folder to run $version"
  fi
  mkdir -p "$dir"
  echo "$version" >"$dir/version"
  local n
  for n in "${BROKERS[@]}"; do write_broker_config "$n"; done
  if [ "$mode" = zk ]; then start_zookeeper; else format_kraft; fi
  for n in "${BROKERS[@]}"; do start_broker "$n"; done
  wait_brokers 3 180
}

wait_brokers() {
  bw_wait "$2" "Kafka $version ($mode) with $1 brokers at $(bootstrap)" \
    node "$conf/cluster.mjs" wait "$(bootstrap)" "$1" 5
}

stop() {
  local n
  for n in "${BROKERS[@]}"; do bw_stop_pid "$dir/broker-$n/pid" 60 & done
  wait
  bw_stop_pid "$dir/zookeeper/pid" 30
}

# The active controller: in ZooKeeper mode the broker holding /controller, in KRaft mode the leader
# of the metadata quorum as the running voters last wrote it to their quorum-state file (on every
# election; the highest leader epoch is the latest, and a stopped voter's file is stale). Kafka's
# metadata-quorum tool would ask the quorum, but it came in 3.3 (KIP-836) and is a JVM start.
controller() {
  if [ "$mode" = zk ]; then
    kafka_tool zookeeper-shell -server "127.0.0.1:$(bw_port ZOOKEEPER_PORT)" get /controller 2>/dev/null \
      | sed -n 's/.*"brokerid":\([0-9]*\).*/\1/p' | head -1
  else
    local n state
    for n in "${BROKERS[@]}"; do
      bw_pid_alive "$dir/broker-$n/pid" || continue
      # Read whole first: the file has no final newline, which sed would not add to its output.
      state=$(cat "$dir/broker-$n/data/__cluster_metadata-0/quorum-state" 2>/dev/null) || continue
      sed -n 's/.*"leaderId":\([0-9][0-9]*\),"leaderEpoch":\([0-9]*\).*/\2 \1/p' <<<"$state"
    done | sort -n | tail -1 | cut -d' ' -f2
  fi
}

# status_line NAME PIDFILE PORT
status_line() { if bw_pid_alive "$2"; then echo "$1: running on $3"; else echo "$1: stopped"; fi; }

status() {
  local n
  if [ "$mode" = zk ]; then status_line "kafka-zk zookeeper" "$dir/zookeeper/pid" "$(bw_port ZOOKEEPER_PORT)"; fi
  for n in "${BROKERS[@]}"; do status_line "kafka-$mode broker $n" "$dir/broker-$n/pid" "$(broker_port "$n")"; done
}

case "$action" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  bootstrap) bootstrap ;;
  controller) controller ;;
  pid) cat "$dir/broker-$1/pid" ;;
  start-broker) start_broker "$1"; wait_brokers "${2:-3}" 120 ;;
  # stop-broker N [TERM|KILL]: ends the broker and waits for it; signal-broker N STOP|CONT only signals.
  stop-broker) kill "-${2:-TERM}" "$(cat "$dir/broker-$1/pid")"; bw_stop_pid "$dir/broker-$1/pid" 60 ;;
  signal-broker) kill "-$2" "$(cat "$dir/broker-$1/pid")" ;;
  version) echo "$version" ;;
  tool) kafka_tool "$@" ;;
  *) echo "usage: $0 install|start|stop|status|bootstrap|controller|version|pid|start-broker|stop-broker|signal-broker|tool --mode kraft|zk" >&2; exit 2 ;;
esac
