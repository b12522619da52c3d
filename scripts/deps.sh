#!/usr/bin/env bash
# deps.sh - install the Debian packages newsgraph needs to build and test.
# Checks each package with dpkg-query and is silent when all are present;
# otherwise runs `apt-get update` once and installs only what is missing.
# Uses sudo only when not root.  Honours DEBIAN_FRONTEND (default
# noninteractive).  `deps.sh fuzz` also wants clang and its libFuzzer
# runtime (make fuzz only).
set -euo pipefail

pkgs=(
  build-essential gcc make pkg-config
  librdf0-dev libraptor2-dev librasqal3-dev
  libcurl4-gnutls-dev          # not the openssl variant: they conflict
  libsqlite3-dev raptor2-utils librdf-storage-sqlite graphviz python3
  libjson-c-dev libxml2-dev parallel   # batch extract: JSON Lines, HTML, tests
  libmicrohttpd-dev chromium   # serve, and its browser test
  virtuoso-opensource-7-bin valgrind time
  libapache-jena-java openjdk-17-jdk-headless  # tests/vocab: Jena's OWL check
)
[ "${1:-}" = fuzz ] && pkgs+=(clang libclang-rt-14-dev)
# node and npm for tests/agree (oxigraph from npm); any node with npm will do
command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)

missing=()
for p in "${pkgs[@]}"; do
  st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$st" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "deps.sh: missing packages (${missing[*]}) and no apt-get here" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "deps.sh: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND="${DEBIAN_FRONTEND:-noninteractive}"
echo "deps.sh: installing ${missing[*]}" >&2
"${sudo[@]}" env DEBIAN_FRONTEND="$DEBIAN_FRONTEND" apt-get update -q >&2
"${sudo[@]}" env DEBIAN_FRONTEND="$DEBIAN_FRONTEND" \
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
