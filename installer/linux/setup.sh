#!/usr/bin/env bash
# Set up commandroom on a fresh Debian 12 / Ubuntu machine, then run it or its tests.
#
#   bash installer/linux/setup.sh run    # set up, create the demo street if empty, start the console
#   bash installer/linux/setup.sh test   # set up, then run the layer check and the whole test suite
#   bash installer/linux/setup.sh        # set up only
#
# As root it installs the missing system packages with apt (Qt's xcb/EGL libraries, a CJK font,
# PostgreSQL for the shared-database tests, Xvfb for a window on a machine with no screen).
# Python packages go into .venv beside this repository; nothing is downloaded at run time.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
mode="${1:-setup}"
shift || true

system_packages=(
  # Qt 6 (PySide6 wheels) on X11, offscreen and EGL
  libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libx11-xcb1
  # QtMultimedia (the new-report sound): its FFmpeg plugin links the PulseAudio client library
  libpulse0
  # QtWebEngine (the map)
  libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libasound2 libxshmfence1 libgbm1
  # Chinese text: without a CJK font every label is tofu
  fonts-noto-cjk
  # Latin letters and digits in the weekly report PDF (views/meeting/report_pdf.py)
  fonts-dejavu-core
  # a window and screenshots on a machine with no screen
  xvfb xauth
  # the shared-database tests start a real server
  postgresql
)

install_system_packages() {
  [ "$(id -u)" = 0 ] || { echo "setup: not root, skipping apt (install these if missing: ${system_packages[*]})"; return; }
  command -v apt-get >/dev/null || { echo "setup: no apt-get; install the Qt/xcb libraries, fonts-noto-cjk and postgresql yourself"; return; }
  local missing=()
  for pkg in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_python_packages() {
  local python="${PYTHON:-python3}"
  if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv || {
      [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      "$python" -m venv .venv
    }
  fi
  # Reinstall only when the declared dependencies change.
  local stamp=.venv/.commandroom-deps
  local want
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test]"
    echo "$want" > "$stamp"
  fi
}

install_system_packages
install_python_packages

case "$mode" in
  setup) echo "setup: done (.venv/bin/commandroom)";;
  run)
    .venv/bin/commandroom demo --if-empty --days 30 --seed 1
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "setup: no screen here; starting the console on a virtual screen (Xvfb)"
      export QTWEBENGINE_DISABLE_SANDBOX=1
      exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/commandroom "$@"
    fi
    [ "$(id -u)" = 0 ] && export QTWEBENGINE_DISABLE_SANDBOX=1
    exec .venv/bin/commandroom "$@";;
  test)
    export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
    .venv/bin/lint-imports
    exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@";;
  *) echo "usage: $0 [setup|run|test] [args…]" >&2; exit 2;;
esac
