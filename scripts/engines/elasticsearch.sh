#!/usr/bin/env bash
# Elasticsearch from Elastic's test distribution on Maven Central, one single-node instance on
# loopback:
#   elasticsearch.sh install|start|stop|status [--secure|--tls]
# The plain instance runs without security. `--secure` is a second instance with security on
# (basic auth for the user in BW_ES_USER/BW_ES_PASSWORD, API keys enabled) for the tests of
# authentication. `--tls` is a third, secured like the second and serving HTTPS with a CA and node
# certificate made by the bundled elasticsearch-certutil (CA at .run/elasticsearch-tls/certs/ca/ca.crt).
# Elasticsearch refuses to run as root, so it runs as a system user of its own.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ES_VERSION=${BW_ES_VERSION:-8.19.21}
ES_USER=brokerwatch-es
# Outside root's home, which the service user cannot enter; outside the clone, so it is kept.
ES_HOME=${BW_ES_HOME:-/var/cache/brokerwatch/elasticsearch-$ES_VERSION}
# Credentials of the secured test instance; never real secrets.
BW_ES_USER=${BW_ES_USER:-brokerwatch}
BW_ES_PASSWORD=${BW_ES_PASSWORD:-brokerwatch-test-password}

action=${1:-}; shift || true
secure=0 tls=0
[ "${1:-}" = "--secure" ] && secure=1
[ "${1:-}" = "--tls" ] && secure=1 tls=1

if [ $tls = 1 ]; then
  name=elasticsearch-tls
  http_port=$(bw_port ES_TLS_HTTP_PORT); transport_port=$(bw_port ES_TLS_TRANSPORT_PORT)
elif [ $secure = 1 ]; then
  name=elasticsearch-secure
  http_port=$(bw_port ES_SECURE_HTTP_PORT); transport_port=$(bw_port ES_SECURE_TRANSPORT_PORT)
else
  name=elasticsearch
  http_port=$(bw_port ES_HTTP_PORT); transport_port=$(bw_port ES_TRANSPORT_PORT)
fi
dir="$BW_RUN_DIR/$name"
pidfile="$dir/es.pid"

install() {
  id -u "$ES_USER" >/dev/null 2>&1 || useradd -r -M -s /usr/sbin/nologin "$ES_USER"
  [ -x "$ES_HOME/bin/elasticsearch" ] && return 0
  command -v unzip >/dev/null || bw_apt_install unzip
  bw_log "downloading Elasticsearch $ES_VERSION"
  local tmp; tmp=$(mktemp -d)
  mvn -q dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$tmp"
  unzip -q "$tmp/elasticsearch-$ES_VERSION.zip" -d "$tmp"
  mkdir -p "$(dirname "$ES_HOME")"
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$tmp"
}

# The instance gets its own copy of config/, so two instances and the read-only cached
# distribution never share a keystore or a users file. data/ survives a stop and start: tests of a
# store that goes away and comes back check that nothing acknowledged was lost.
configure() {
  rm -rf "$dir/config"; mkdir -p "$dir/data" "$dir/logs"
  cp -r "$ES_HOME/config" "$dir/config"
  cat >"$dir/config/elasticsearch.yml" <<YAML
cluster.name: brokerwatch-$name
node.name: $name
discovery.type: single-node
network.host: 127.0.0.1
http.port: $http_port
transport.port: $transport_port
path.data: $dir/data
path.logs: $dir/logs
xpack.security.enabled: $([ $secure = 1 ] && echo true || echo false)
YAML
  if [ $secure = 1 ]; then
    cat >>"$dir/config/elasticsearch.yml" <<YAML
xpack.security.authc.api_key.enabled: true
xpack.security.http.ssl.enabled: $([ $tls = 1 ] && echo true || echo false)
xpack.security.transport.ssl.enabled: false
YAML
    if [ $tls = 1 ]; then
      make_certs
      cp -r "$dir/certs" "$dir/config/certs"
      cat >>"$dir/config/elasticsearch.yml" <<YAML
xpack.security.http.ssl.key: certs/node/node.key
xpack.security.http.ssl.certificate: certs/node/node.crt
xpack.security.http.ssl.certificate_authorities: certs/ca/ca.crt
YAML
    fi
    # A file-realm superuser: known to the tests without a bootstrap step against a running node.
    ES_PATH_CONF="$dir/config" ES_JAVA_HOME="$JAVA17_HOME" \
      "$ES_HOME/bin/elasticsearch-users" useradd "$BW_ES_USER" -p "$BW_ES_PASSWORD" -r superuser
  fi
  chown -R "$ES_USER" "$dir"
}

# A CA and a certificate for 127.0.0.1/localhost, made once per instance directory and kept, so
# that a test's CA file and fingerprint stay valid across restarts.
make_certs() {
  [ -f "$dir/certs/node/node.crt" ] && return 0
  local tmp; tmp=$(mktemp -d)
  ES_JAVA_HOME="$JAVA17_HOME" "$ES_HOME/bin/elasticsearch-certutil" ca --silent --pem --out "$tmp/ca.zip"
  unzip -q "$tmp/ca.zip" -d "$dir/certs"
  ES_JAVA_HOME="$JAVA17_HOME" "$ES_HOME/bin/elasticsearch-certutil" cert --silent --pem \
    --ca-cert "$dir/certs/ca/ca.crt" --ca-key "$dir/certs/ca/ca.key" \
    --ip 127.0.0.1 --dns localhost --name node --out "$tmp/node.zip"
  unzip -q "$tmp/node.zip" -d "$dir/certs"
  # Serve the chain, as Elasticsearch's own auto-configuration does: clients that pin the CA by
  # fingerprint find it among the certificates the server presents.
  cat "$dir/certs/ca/ca.crt" >>"$dir/certs/node/node.crt"
  rm -rf "$tmp"
}

healthy() {
  local auth=() scheme=http
  [ $secure = 1 ] && auth=(-u "$BW_ES_USER:$BW_ES_PASSWORD")
  [ $tls = 1 ] && scheme=https auth+=(--cacert "$dir/certs/ca/ca.crt")
  curl -fsS "${auth[@]}" "$scheme://127.0.0.1:$http_port/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null
}

start() {
  if bw_pid_alive "$pidfile" && healthy; then bw_log "$name already running on $http_port"; return 0; fi
  [ -x "$ES_HOME/bin/elasticsearch" ] || bw_die "not installed: run $0 install"
  configure
  # The distribution is read by the service user; the cache dir above it is root's.
  chown -R "$ES_USER" "$ES_HOME"
  runuser -u "$ES_USER" -- env ES_PATH_CONF="$dir/config" ES_JAVA_HOME="$JAVA17_HOME" \
    ES_JAVA_OPTS="-Xms512m -Xmx512m" "$ES_HOME/bin/elasticsearch" -d -p "$pidfile" >"$dir/logs/stdout.log" 2>&1 \
    || { cat "$dir/logs/stdout.log" >&2; bw_die "$name failed to start"; }
  bw_wait 180 "$name on 127.0.0.1:$http_port" healthy
}

case "$action" in
  install) install ;;
  start) start ;;
  stop) bw_stop_pid "$pidfile" 60 ;;
  status) if bw_pid_alive "$pidfile" && healthy; then echo "$name: running on $http_port"; else echo "$name: stopped"; fi ;;
  *) echo "usage: $0 install|start|stop|status [--secure|--tls]" >&2; exit 2 ;;
esac
