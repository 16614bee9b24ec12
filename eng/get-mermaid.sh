#!/usr/bin/env bash
# Installs the pinned Mermaid parser (eng/mermaid: mermaid and jsdom, exact versions and integrity hashes in its
# package-lock.json) into a cache and prints the path of its parse script on the last line:
#   node "$(bash eng/get-mermaid.sh | tail -1)" out/README.md     -> "ok <n> flowchart-v2 ..." or each block's error
# ~/.cache/cogrion-infragen/mermaid-<lock hash>/ (or under $INFRAGEN_TOOLS_CACHE); an install that matches the lock is
# reused without any download. Needs node and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)/mermaid"
command -v npm >/dev/null || { echo "get-mermaid.sh: npm is not installed (needed to install the Mermaid parser)" >&2; exit 1; }
lock_hash="$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-16)"
cache="${INFRAGEN_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cogrion-infragen}/mermaid-$lock_hash"

if [ ! -f "$cache/.installed" ]; then
  work="$(mktemp -d "${cache}.tmp.XXXXXX" 2>/dev/null || { mkdir -p "$(dirname "$cache")"; mktemp -d "${cache}.tmp.XXXXXX"; })"
  trap 'rm -rf "$work"' EXIT
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  (cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
  touch "$work/.installed"
  rm -rf "$cache"
  mv "$work" "$cache"
  trap - EXIT
fi

# The script itself comes from the repository every time (it is small), so an edit takes effect without a reinstall.
cp "$here/parse.mjs" "$cache/parse.mjs.tmp.$$" && mv "$cache/parse.mjs.tmp.$$" "$cache/parse.mjs"
echo "$cache/parse.mjs"
