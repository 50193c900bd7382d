# Sourced by .ci/run: each step of CI runs through `step`, which records its exit code and lets the run go on, so that
# the closing line counts failed steps as well as failed tests (a run that exits non-zero never says "0 failed").
#   step "<name>" <command...>   runs the command, tees its output into the run's log, records "<exit code> <name>"
#   step_ok "<name>"             whether that step ran and passed (for steps that need an earlier one)
#   skip_step "<name>" "<why>"   records a step that could not run because an earlier one failed (counts as failed)
#   finish_steps                 prints what moved, the closing lines, and exits 1 when any step failed
CI_LOG_DIR="${CI_LOG_DIR:-$(mktemp -d)}"
CI_LOG="$CI_LOG_DIR/log.txt"
CI_STEPS="$CI_LOG_DIR/steps.txt"
CI_MOVED="$CI_LOG_DIR/moved.txt"
: >"$CI_LOG"
: >"$CI_STEPS"
: >"$CI_MOVED"

step() {
  local name="$1" rc
  shift
  echo "== $name"
  local started=$SECONDS
  if "$@" 2>&1 | tee -a "$CI_LOG"; then rc=0; else rc=${PIPESTATUS[0]}; fi
  [ "$rc" -ne 0 ] || rc=0
  echo "$rc $name" >>"$CI_STEPS"
  if [ "$rc" -ne 0 ]; then
    echo "[ci] step failed: $name (exit $rc, $((SECONDS - started)) s)"
  else
    echo "[ci] step passed: $name ($((SECONDS - started)) s)"
  fi
  return 0
}

step_ok() {
  grep -qxF "0 $1" "$CI_STEPS"
}

skip_step() {
  echo "[ci] step not run: $1 ($2)"
  echo "1 $1 (not run: $2)" >>"$CI_STEPS"
}

finish_steps() {
  echo "== summary"
  if [ -s "$CI_MOVED" ]; then
    echo "floating inputs that moved since .ci/inputs.json (docs/decisions/0024-ci-inputs.md):"
    sed 's/^/  /' "$CI_MOVED"
  fi
  node "$(dirname "${BASH_SOURCE[0]}")/../tools/pipeline-check/src/summarize-tests.mjs" --steps "$CI_STEPS" "$CI_LOG"
  if grep -qv '^0 ' "$CI_STEPS"; then exit 1; fi
  exit 0
}
