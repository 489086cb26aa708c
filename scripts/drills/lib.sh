# Shared by the drill scripts: a drill makes a real engine misbehave the way production does,
# then capture_window copies the log lines written during the drill into test/fixtures/ (or into
# BW_FIXTURES_DIR: the live alert tests run the drills without touching the fixtures).
source "$(dirname "${BASH_SOURCE[0]}")/../engines/lib.sh"
ENGINES="$BW_REPO/scripts/engines"
FIXTURES="${BW_FIXTURES_DIR:-$BW_REPO/test/fixtures}"

# The brokers' own clock format, local time as the JVM and Erlang write it.
drill_now() { date '+%Y-%m-%d %H:%M:%S'; }

# capture_window FROM TO SRC DEST: one contiguous run of whole lines of SRC, from the first record
# stamped at or after FROM to the last record stamped at or before TO (both `YYYY-MM-DD HH:MM:SS`),
# continuation lines (stack traces, banners) included. Threads stamp a record before they take the
# appender's lock, so neighbouring lines can be a few milliseconds out of order: the window is cut
# at its two ends only, never in between. Lines are copied as they are, never edited.
capture_window() {
  local from=$1 to=$2 src=$3 dest=$4
  [ -f "$src" ] || return 0
  mkdir -p "$(dirname "$dest")"
  awk -v from="$from" -v to="$to" '
    # Kafka: [2024-01-01 10:00:00,123] ...; RabbitMQ 3.7+: 2024-01-01 10:00:00.123 ...
    # (no {n} intervals: mawk, the default awk on Debian, does not know them)
    match($0, /^\[?[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][ T][0-9][0-9]:[0-9][0-9]:[0-9][0-9]/) {
      ts = substr($0, RSTART, RLENGTH); sub(/^\[/, "", ts); sub(/T/, " ", ts)
      if (ts > to) exit
      if (ts >= from) started = 1
    }
    started { print }
  ' "$src" >"$dest"
  [ -s "$dest" ] || rm -f "$dest"
}

# A note of what was captured, appended to the fixture folder's PROVENANCE file.
note_provenance() {
  local folder=$1; shift
  mkdir -p "$folder"
  printf '%s\n' "$@" >"$folder/PROVENANCE"
}
