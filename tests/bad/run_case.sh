#!/usr/bin/env bash
# Runs one bad-input case end to end:
#
#   run_case.sh WEIGHBRIDGE CASE_DIR
#
# CASE_DIR holds the input (usually a procurement folder `input/`), `expected.txt`
# (what stderr must be, exactly), and optionally:
#   command        one line of arguments (default: evaluate input --format json -o out.json)
#   expected_exit  the exit code wanted (default 2)
#   expected_output  for exit 0: what out.json must hold, exactly
#   setup          a bash script run first in the copy, given the weighbridge
#                  binary as $1: it builds what the command works on (a
#                  workspace made by init and import), which then counts as input
#
# The case is copied to a fresh temporary folder and run there. For exit 2 the
# program must write nothing: no out.json, nothing on stdout, and every file
# byte for byte as it was, with nothing added or removed. For exit 0, out.json
# must exist and every other file must be unchanged.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: run_case.sh WEIGHBRIDGE CASE_DIR" >&2
  exit 2
fi
weighbridge=$(realpath "$1")
case_dir=$(cd "$2" && pwd)
name="bad.$(basename "$case_dir")"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work="$tmp/case"
mkdir "$work"
cp -R "$case_dir/." "$work/"
cd "$work"

command_line="evaluate input --format json -o out.json"
if [[ -f command ]]; then command_line=$(head -n 1 command); fi
expected_exit=2
if [[ -f expected_exit ]]; then expected_exit=$(tr -d '[:space:]' < expected_exit); fi
read -r -a args <<< "$command_line"

if [[ -f setup ]]; then
  if ! bash setup "$weighbridge" > "$tmp/setup.log" 2>&1; then
    echo "FAIL $name: its setup script failed"
    cat "$tmp/setup.log"
    exit 1
  fi
fi

# Every entry with its type, then every file's sha256, so that an added empty
# folder shows up as well as a changed byte.
snapshot() {
  find . -mindepth 1 "$@" -printf '%y %p\n' | LC_ALL=C sort
  find . -type f "$@" -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum
}
snapshot > "$tmp/before"

status=0
"$weighbridge" "${args[@]}" > "$tmp/stdout" 2> "$tmp/stderr" || status=$?

failures=()
if (( status >= 128 )); then
  failures+=("crashed with signal $((status - 128)) (exit $status), expected exit $expected_exit")
elif [[ "$status" != "$expected_exit" ]]; then
  failures+=("exit code $status, expected $expected_exit")
fi
if ! cmp -s "$case_dir/expected.txt" "$tmp/stderr"; then
  failures+=("stderr differs from expected.txt")
fi
if [[ "$expected_exit" == 0 ]]; then
  [[ -f out.json ]] || failures+=("out.json was not written")
  if [[ -f expected_output && -f out.json ]] && ! cmp -s expected_output out.json; then
    failures+=("out.json differs from expected_output")
  fi
  snapshot ! -path ./out.json > "$tmp/after"
else
  [[ ! -e out.json ]] || failures+=("out.json was written")
  [[ ! -s "$tmp/stdout" ]] || failures+=("something was printed on stdout")
  snapshot > "$tmp/after"
fi
if ! cmp -s "$tmp/before" "$tmp/after"; then
  failures+=("files were added, removed or changed")
fi

if (( ${#failures[@]} == 0 )); then
  echo "PASS $name: weighbridge ${command_line}"
  exit 0
fi
echo "FAIL $name: weighbridge ${command_line}"
for failure in "${failures[@]}"; do echo "  - $failure"; done
if ! cmp -s "$case_dir/expected.txt" "$tmp/stderr"; then
  echo "--- stderr diff (expected.txt, then what weighbridge printed):"
  diff -u --label expected.txt --label stderr "$case_dir/expected.txt" "$tmp/stderr" || true
fi
if [[ "$expected_exit" == 0 && -f expected_output && -f out.json ]] \
  && ! cmp -s expected_output out.json; then
  echo "--- out.json diff (expected_output, then what weighbridge wrote):"
  diff -u --label expected_output --label out.json expected_output out.json || true
fi
if [[ -s "$tmp/stdout" && "$expected_exit" != 0 ]]; then
  echo "--- stdout:"
  head -c 2000 "$tmp/stdout"
fi
if ! cmp -s "$tmp/before" "$tmp/after"; then
  echo "--- files before and after:"
  diff -u --label before --label after "$tmp/before" "$tmp/after" || true
fi
exit 1
