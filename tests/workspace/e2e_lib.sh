# Sourced by the workspace's end-to-end scripts, right after `set -euo pipefail`,
# with the script's own arguments: WEIGHBRIDGE (the program) and SOURCE_DIR (the
# source tree). Works in a scratch folder, removed at the end, and gives
#   fail MESSAGE        counts a failure and says what it was, going on;
#   run EXIT ARGS...    runs weighbridge ARGS, keeps out.txt and err.txt, and
#                       fails when it does not exit with EXIT.
# Each script ends by exiting 1 when $failures is not 0.
weighbridge=$(realpath "$1")
source_dir=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
export WEIGHBRIDGE_USER=tester

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
run() {
  local want=$1; shift
  local got=0
  "$weighbridge" "$@" > out.txt 2> err.txt || got=$?
  if [[ "$got" != "$want" ]]; then
    fail "weighbridge $* exited $got, expected $want"; cat err.txt >&2
  fi
}
