#!/usr/bin/env bash
# govplan's quick start: install what is missing, build, then either print
# the summary of the bundled plan or run the whole test suite.
#
#   tools/dev.sh summary   # release build, then examples/plan_summary on data/yancheng-2025.json
#   tools/dev.sh test      # warnings-as-errors build + tests, the same under ASan/UBSan,
#                          # then every fuzz harness for 15 seconds (tools/fuzz.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

command=${1:-}
case "$command" in
  summary|test) ;;
  *) echo "usage: tools/dev.sh summary|test" >&2; exit 2 ;;
esac

tools/install-deps.sh

case "$command" in
  summary)
    cmake --preset release >/dev/null
    cmake --build --preset release >/dev/null
    ./build/release/examples/plan_summary
    ;;
  test)
    cmake --workflow --preset ci
    cmake --workflow --preset asan
    tools/fuzz.sh 15
    ;;
esac
