#!/bin/sh
# Builds the wheel of journey-runs-mock into python/dist: copies the fake's bundled single-file bin (built by
# `npm run build -w @journey-runs/msw`) into the package, then builds with hatchling through pip.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin="$root/packages/msw/dist/server/cli.js"
if [ ! -f "$bin" ]; then
  echo "build-wheel: $bin is missing; run 'npm run build -w @journey-runs/msw' first." >&2
  exit 1
fi
target="$here/src/journey_runs_mock/_node"
rm -rf "$target" "$here/dist"
mkdir -p "$target/dist/server"
cp "$bin" "$target/dist/server/cli.js"
# The bin reads its version from ../../package.json and is an ES module: a package.json with the npm package's
# name and version and "type": "module" makes both hold in the wheel.
python3 - "$root/packages/msw/package.json" "$target/package.json" "$here/pyproject.toml" <<'PY'
import json, re, sys
npm = json.load(open(sys.argv[1]))
wheel_version = re.search(r'^version = "([^"]+)"', open(sys.argv[3]).read(), re.M).group(1)
if wheel_version != npm["version"]:
    sys.exit(f"build-wheel: pyproject.toml says {wheel_version}, packages/msw says {npm['version']}; move them together.")
json.dump({"name": npm["name"], "version": npm["version"], "type": "module", "private": True}, open(sys.argv[2], "w"))
PY
python3 -m pip wheel --quiet --no-deps --wheel-dir "$here/dist" "$here"
ls "$here"/dist/*.whl
