# Shared by tests/cli/*.sh (sourced, not a test itself): ctest runs each script as `bash script PATH_TO_paiban` from the repo root.
set -u
PAIBAN=${1:?usage: bash script PATH_TO_paiban}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILED=0
PASSED=0

pass() { PASSED=$((PASSED + 1)); }
fail() { echo "FAIL: $*"; FAILED=$((FAILED + 1)); }

# expect_exit CODE DESCRIPTION -- COMMAND...: runs COMMAND, checks its exit code, keeps stderr in $TMP/err.
expect_exit() {
  local want=$1 what=$2; shift 3
  "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  local got=$?
  if [ "$got" -ne "$want" ]; then fail "$what: exit $got, want $want; stderr: $(cat "$TMP/err")"; return 1; fi
  pass
}

# expect_error_line PATTERN: stderr holds exactly one "paiban: error:" line, matching PATTERN.
expect_error_line() {
  local n
  n=$(grep -c '^paiban: error:' "$TMP/err")
  if [ "$n" -ne 1 ]; then fail "want one error line, got $n: $(cat "$TMP/err")"; return 1; fi
  if ! grep -q -- "$1" "$TMP/err"; then fail "error line does not match '$1': $(cat "$TMP/err")"; return 1; fi
  pass
}

finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}
