#!/usr/bin/env bash
# rsyslog from Debian's packages with its Elasticsearch output, the baseline of `npm run bench:ingest`:
#   rsyslog.sh install
# Only installed: the benchmark runs its own rsyslogd with a configuration of its own (imfile in,
# omelasticsearch out, own pid file, no system sockets), so nothing here starts one, and the
# package's own service is kept from starting when it is installed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install() {
  local policy=/usr/sbin/policy-rc.d created=0
  if ! dpkg -s rsyslog rsyslog-elasticsearch >/dev/null 2>&1; then
    [ -e "$policy" ] || { printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created=1; }
    bw_apt_install rsyslog rsyslog-elasticsearch
    [ $created = 1 ] && rm -f "$policy"
  fi
  return 0
}

case "${1:-}" in
  install) install ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
