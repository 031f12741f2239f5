#!/usr/bin/env bash
# Installs the pinned uv into .cache/tools once; later runs find it there. One clear line on any failure.
set -euo pipefail
version="$1"
tools="$2"
if [ -x "$tools/bin/uv" ] && [ "$("$tools/bin/uv" --version 2>/dev/null | cut -d' ' -f2)" = "$version" ]; then
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "make: python3 is not on PATH; install Python 3.11 or newer" >&2; exit 1
fi
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "make: Python 3.11 or newer is needed, but python3 is $(python3 -V 2>&1 | cut -d' ' -f2); install a newer one" >&2
  exit 1
fi
echo "make: installing uv $version into $tools (once)"
rm -rf "$tools"
if ! python3 -m venv "$tools" >/dev/null 2>&1; then
  echo "make: python3 cannot create a virtual environment; install Debian's python3-venv package" >&2; exit 1
fi
if ! "$tools/bin/pip" install --quiet --disable-pip-version-check "uv==$version" >"$tools.log" 2>&1; then
  rm -rf "$tools"
  echo "make: could not install uv $version from the Python package registry (is it reachable? see $tools.log)" >&2
  exit 1
fi
