# Shared by every engine script: where things live, ports, waiting for readiness, and stopping
# only what we started (by pid file). Source it; do not run it.
set -euo pipefail

BW_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Runtime state (data, logs, pid files) of this checkout's engines.
BW_RUN_DIR=${BW_RUN_DIR:-$BW_REPO/.run}
# Downloads, kept outside the clone so that a second CI run is fast.
BW_CACHE_DIR=${BW_CACHE_DIR:-$HOME/.cache/brokerwatch}
BW_PORT_OFFSET=${BW_PORT_OFFSET:-0}
JAVA17_HOME=${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
mkdir -p "$BW_RUN_DIR" "$BW_CACHE_DIR"

bw_log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
bw_die() { bw_log "error: $*"; exit 1; }

# bw_port NAME [INDEX]: the port of ports.env entry NAME (the INDEX-th of a list), plus the offset.
bw_port() {
  local value
  value=$(sed -n "s/^$1=//p" "$BW_REPO/scripts/engines/ports.env")
  [ -n "$value" ] || bw_die "no port $1 in ports.env"
  if [ $# -ge 2 ]; then value=$(cut -d, -f"$(( $2 + 1 ))" <<<"$value"); fi
  echo $(( value + BW_PORT_OFFSET ))
}

# bw_wait SECONDS DESCRIPTION COMMAND...: retry COMMAND once a second until it succeeds.
bw_wait() {
  local seconds=$1 what=$2; shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || bw_die "$what not ready after ${seconds}s"
    sleep 1
  done
  bw_log "$what ready"
}

# bw_version_at_least VERSION MINIMUM: VERSION is MINIMUM or newer (dotted numbers).
bw_version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }

bw_pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# bw_stop_pid PIDFILE [SECONDS]: TERM the process, KILL it if it outlives SECONDS, remove the file.
bw_stop_pid() {
  local pidfile=$1 seconds=${2:-30} pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$(( $(date +%s) + seconds ))
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$(date +%s)" -ge "$deadline" ]; then kill -KILL "$pid" 2>/dev/null || true; break; fi
      sleep 0.5
    done
  fi
  rm -f "$pidfile"
}

# bw_java11_home: a Java 11 runtime, for the Kafka versions whose ZooKeeper client needs one.
# Debian 12 packages no Java 11, so Debian 11's openjdk-11-jre-headless is unpacked (not installed:
# the host's packages stay as they are) into the download cache. Its configuration files are links
# into /etc/java-11-openjdk; the package's own copies replace them, so nothing outside the cache is
# read or written.
bw_java11_home() {
  local target="$BW_CACHE_DIR/openjdk-11"
  if [ ! -x "$target/bin/java" ]; then
    local mirror=http://deb.debian.org/debian work file link
    work=$(mktemp -d)
    curl -fsSL "$mirror/dists/bullseye/main/binary-amd64/Packages.xz" | xz -d >"$work/Packages" \
      || bw_die "downloading Debian bullseye's package index failed"
    file=$(awk '/^Package: openjdk-11-jre-headless$/ { found = 1 } found && /^Filename:/ { print $2; exit }' "$work/Packages")
    [ -n "$file" ] || bw_die "no openjdk-11-jre-headless in Debian bullseye's package index"
    bw_log "installing a Java 11 runtime ($(basename "$file")) into $target"
    curl -fsSL -o "$work/jre.deb" "$mirror/$file" || bw_die "downloading $mirror/$file failed"
    dpkg-deb -x "$work/jre.deb" "$work/root"
    local jvm="$work/root/usr/lib/jvm/java-11-openjdk-amd64"
    while IFS= read -r link; do
      if [ -e "$work/root$(readlink "$link")" ]; then cp --remove-destination "$work/root$(readlink "$link")" "$link"; fi
    done < <(find "$jvm" -type l -lname '/etc/java-11-openjdk/*')
    rm -rf "$target"
    mv "$jvm" "$target"
    rm -rf "$work"
  fi
  echo "$target"
}

# Debian packages, installed once; `apt-get update` only when something is missing.
bw_apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  bw_log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
