#!/usr/bin/env bash
# Debian's chromium, for the real-browser test of the web page (test/integration/web.test.ts drives
# it headless through playwright-core, which downloads no browser of its own). Nothing runs between
# tests, so start and stop have nothing to do; status says whether the binary is there.
#   chromium.sh install|start|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

binary=/usr/bin/chromium

# fonts-liberation: text in the screenshots renders with real glyphs instead of boxes.
install() { bw_apt_install chromium fonts-liberation; }

case "${1:-}" in
  install) install ;;
  start) [ -x "$binary" ] || bw_die "not installed: run $0 install" ;;
  stop) ;;
  status) if [ -x "$binary" ]; then echo "chromium: installed ($("$binary" --version 2>/dev/null))"; else echo "chromium: not installed"; fi ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
