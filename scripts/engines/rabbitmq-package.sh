# Where RabbitMQ comes from, for the cluster (rabbitmq.sh) and the formatter captures: Debian's
# package on the host, or with BW_RABBITMQ_SUITE=bullseye|trixie|sid|... another Debian release's
# rabbitmq-server and Erlang (3.8 on bullseye, 4.0 on trixie, the newest on sid), for drills on
# the versions sites run. Those run in a chroot of that release (debootstrap, kept under
# BW_CACHE_DIR) which shares loopback, the process table and this checkout's run directory
# (bind-mounted at the same path): node names, ports, pid files and log paths are the same as with
# the host's package. Source it after lib.sh; run every RabbitMQ command as "${in_root[@]}" CMD,
# with the root mounted (mount_root) while nodes run.
suite=${BW_RABBITMQ_SUITE:-}
root="$BW_CACHE_DIR/roots/debian-$suite"
# The prefix that runs a command from the suite's root (none for the host's package).
in_root=()
[ -n "$suite" ] && in_root=(chroot "$root")

rabbitmq_installed() { "${in_root[@]}" sh -c 'command -v rabbitmq-server' >/dev/null 2>&1; }

# Debian starts a default node after installing the package; a policy-rc.d that says no forbids it.
forbid_service_start() { printf '#!/bin/sh\nexit 101\n' >"$1"; chmod +x "$1"; }

rabbitmq_install() {
  if [ -n "$suite" ]; then install_root; return; fi
  if ! dpkg -s rabbitmq-server >/dev/null 2>&1; then
    local policy=/usr/sbin/policy-rc.d created=0
    [ -e "$policy" ] || { forbid_service_start "$policy"; created=1; }
    bw_apt_install rabbitmq-server
    [ $created = 1 ] && rm -f "$policy"
  fi
  return 0
}

install_root() {
  [ -x "$root/usr/sbin/rabbitmq-server" ] && return 0
  # debootstrap removes its own folder from the root when it has finished.
  if [ ! -x "$root/usr/bin/apt-get" ] || [ -d "$root/debootstrap" ]; then
    bw_apt_install debootstrap
    unmount_root
    rm -rf "$root"; mkdir -p "$(dirname "$root")"
    bw_log "debootstrap $suite into $root"
    debootstrap --variant=minbase "$suite" "$root" http://deb.debian.org/debian >/dev/null \
      || bw_die "debootstrap $suite failed (see $root/debootstrap/debootstrap.log)"
  fi
  forbid_service_start "$root/usr/sbin/policy-rc.d"
  mount_root
  bw_log "installing rabbitmq-server in the $suite root"
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server \
    >"$root/var/log/bw-install.log" 2>&1 || bw_die "apt-get install rabbitmq-server failed in the $suite root (see $root/var/log/bw-install.log)"
  unmount_root
}

# The root sees /proc (Erlang's memory monitor reads it), the run directory, and this host's names.
mount_root() {
  [ -n "$suite" ] || return 0
  mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
  mkdir -p "$root$BW_RUN_DIR"
  mountpoint -q "$root$BW_RUN_DIR" || mount --bind "$BW_RUN_DIR" "$root$BW_RUN_DIR"
  cp /etc/hosts /etc/resolv.conf "$root/etc/"
}

# Unmounted when the nodes stop: removing the cached root must never reach into a checkout.
unmount_root() {
  [ -n "$suite" ] || return 0
  ! mountpoint -q "$root$BW_RUN_DIR" || umount "$root$BW_RUN_DIR" || umount -l "$root$BW_RUN_DIR"
  ! mountpoint -q "$root/proc" || umount "$root/proc" || umount -l "$root/proc"
}

rabbitmq_version() {
  "${in_root[@]}" dpkg-query -W -f='${Version}' rabbitmq-server | sed 's/-[^-]*$//'
}

rabbitmq_about() {
  local release otp
  # sid's os-release names the next release, not sid.
  release=${suite:-$(. /etc/os-release; echo "$VERSION_CODENAME")}
  otp=$("${in_root[@]}" erl -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().')
  echo "RabbitMQ $(rabbitmq_version) (Debian $release's package${suite:+, in a chroot}), Erlang/OTP $otp"
}
