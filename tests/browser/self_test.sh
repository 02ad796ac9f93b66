#!/bin/sh
# Checks the checker: check_report.mjs must fail on broken-report.html, and for
# every fault planted there, not just for one of them.
# Usage: self_test.sh NODE_DIR BROKEN_HTML
set -u
node_dir=$1 page=$2
if ! command -v node >/dev/null 2>&1; then
  echo "self_test.sh: node is needed for the browser tests: run scripts/install-deps" >&2
  exit 1
fi
output=$(node "$node_dir/check_report.mjs" "$page" --expect-text "not on the page" 2>&1)
status=$?
printf '%s\n' "$output"
failed=0
if [ "$status" -ne 1 ]; then
  echo "self_test.sh: check_report.mjs exited $status on the broken page; wanted 1" >&2
  failed=1
fi
# One line per planted fault: what the checker must have said about it.
while IFS= read -r wanted; do
  case $output in
    *"$wanted"*) ;;
    *) echo "self_test.sh: the checker did not report: $wanted" >&2; failed=1 ;;
  esac
done <<'WANTED'
FAIL the report asked for 2 other resource(s)
FAIL active content on the page: <script>
FAIL active content on the page: <img onerror=
FAIL active content on the page: <a href="javascript:
FAIL a dialog opened: alert: from a script
FAIL a dialog opened: alert: from onerror
FAIL the visible text does not show "not on the page"
FAIL axe color-contrast
FAIL axe document-title
FAIL axe html-has-lang
FAIL axe image-alt
FAIL 2 chart text(s) under 4.5:1 contrast
"white on yellow" (rgb(255, 255, 255) on rgb(255, 221, 0))
"grey on white" (rgb(204, 204, 204) on rgb(255, 255, 255))
FAIL at 1280px wide the page is
FAIL at 320px wide the page is
WANTED
exit $failed
