#!/usr/bin/env bash
# Installs what dateline needs to build, test and run on Debian 12, only what is
# missing. Safe to run again; needs root (or sudo) only when something is missing.
set -euo pipefail
packages=(
  build-essential cmake pkg-config python3
  libxml2-dev libicu-dev libutf8proc-dev libhyperscan-dev libre2-dev
  libsimdjson-dev nlohmann-json3-dev zlib1g-dev libzstd-dev libxxhash-dev
  libsqlite3-dev libcpp-httplib-dev libfmt-dev libspdlog-dev libhowardhinnant-date-dev
  libcli11-dev libtbb-dev libcld2-dev libuchardet-dev libmimalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev iso-codes curl
  nodejs chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm may come with nodejs (NodeSource) or as Debian's own package.
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
