#!/usr/bin/env bash
# CI of the Python package: builds the wheel (with the fake's bundled bin), installs it in fresh virtual
# environments, runs the plugin's own tests, then the example consumer project (examples/python) with and
# without pytest-xdist (-n 2). Exits non-zero when any run fails, including pytest's exit 5 (no test ran).
# Needs: python3 with venv, Node >= 20.19, packages/msw built (npm run build -w @journey-runs/msw).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$(mktemp -d "${TMPDIR:-/tmp}/journey-runs-python.XXXXXX")
trap 'rm -rf "$work"' EXIT
now() { python3 -c 'import time; print(time.monotonic())'; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }

# A machine whose pip cannot reach pypi.org (only a local index) would retry each lookup five times, with sleeps.
if [ -z "${PIP_INDEX_URL:-}" ] && [ -z "$(python3 -m pip config get global.index-url 2>/dev/null || true)" ] &&
  ! python3 -c 'import socket; socket.create_connection(("pypi.org", 443), 3)' 2>/dev/null; then
  echo "[python] pypi.org is unreachable: pip looks there once per package (PIP_RETRIES=0), then in the local indexes"
  export PIP_RETRIES=0
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1

# A venv without pip of its own (ensurepip costs ~20 s on a loaded machine); this python's pip installs into it.
fresh_venv() {
  python3 -m venv --without-pip "$1"
}
install_into() {
  local venv=$1
  shift
  python3 -m pip --python "$venv/bin/python" install --quiet --no-compile "$@"
}
run_pytest() {
  local label=$1
  shift
  local status=0
  "$@" || status=$?
  if [ "$status" -eq 5 ]; then
    echo "[python] $label: pytest ran no test (exit 5): a failure" >&2
    exit 1
  elif [ "$status" -ne 0 ]; then
    echo "[python] $label: pytest exited $status" >&2
    exit "$status"
  fi
}

echo "== python: building the wheel"
"$here/build-wheel.sh"
wheel=$(ls "$here"/dist/journey_runs_mock-*.whl)

echo "== python: the plugin's own tests (fresh venv)"
fresh_venv "$work/plugin"
install_into "$work/plugin" "$wheel" boto3 pytest pytest-xdist pyyaml
# The tests import the installed package, not the source tree.
run_pytest "plugin tests" env -C "$here" "$work/plugin/bin/python" -m pytest -p no:cacheprovider -rs tests
echo "== python: the plugin's reset before each test"
"$work/plugin/bin/python" "$here/bench/reset_median.py" 300

echo "== python: examples/python from a fresh venv (install of the wheel and its requirements, then the first test)"
example="$root/examples/python"
first_test=$(python3 -c 'import re,sys; print(re.search(r"^def (test_\w+)", open(sys.argv[1]).read(), re.M).group(1))' \
  "$example/tests/test_runs_report.py")
start=$(now)
fresh_venv "$work/example"
install_into "$work/example" "$wheel" -r "$example/requirements.txt"
installed=$(since "$start")
run_pytest "example, first test" env -C "$example" "$work/example/bin/python" -m pytest -q "tests/test_runs_report.py::$first_test"
first=$(since "$start")
echo "== python: examples/python, the whole suite"
run_pytest "example" env -C "$example" "$work/example/bin/python" -m pytest -q
echo "== python: examples/python with pytest-xdist (-n 2)"
run_pytest "example -n 2" env -C "$example" "$work/example/bin/python" -m pytest -q -n 2
echo "== python: examples/python with -n 2 and one shared fake (a tenant per worker)"
run_pytest "example -n 2 shared" env -C "$example" "$work/example/bin/python" -m pytest -q -n 2 --journey-runs-mock-shared

echo "[python] fresh venv: venv + wheel and requirements installed in ${installed} s; first example test green at ${first} s"
echo "[python] every Python run passed"
