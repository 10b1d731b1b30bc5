#!/usr/bin/env bash
# govplan's quick start: install what is missing, build, then either print
# the summary of the bundled plan or run the whole test suite.
#
#   tools/dev.sh summary   # release build, then examples/plan_summary on data/yancheng-2025.json
#   tools/dev.sh test      # warnings-as-errors build + tests, the same under ASan/UBSan,
#                          # the tests of what runs on threads under TSan,
#                          # then every fuzz harness for 15 seconds (tools/fuzz.sh)
#   tools/dev.sh screenshot  # release build, then the bundled plan's progress page
#                            # (govplan report) drawn by headless Chromium into docs/report.png
set -euo pipefail
cd "$(dirname "$0")/.."

command=${1:-}
case "$command" in
  summary|test|screenshot) ;;
  *) echo "usage: tools/dev.sh summary|test|screenshot" >&2; exit 2 ;;
esac

tools/install-deps.sh

case "$command" in
  summary)
    cmake --preset release >/dev/null
    cmake --build --preset release >/dev/null
    ./build/release/examples/plan_summary
    ;;
  screenshot)
    cmake --preset release >/dev/null
    cmake --build --preset release >/dev/null
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
    # the browser test's own run (every check of tests/browser), at the README's size
    cmake -DCHROMIUM="$(command -v chromium)" -DOUT="$out/page" -DMODE=report \
      -DTOOL="$PWD/build/release/tools/cli/govplan" -DPLAN="$PWD/data/yancheng-2025.json" \
      -DOBSERVATIONS="$PWD/data/yancheng-2025-observations.json" -DAS_OF=2025-06-30 -DWINDOW=1100,1500 \
      -P tests/browser/open_page.cmake
    cp "$out/page/report.png" docs/report.png
    echo "wrote docs/report.png"
    ;;
  test)
    cmake --workflow --preset ci
    cmake --workflow --preset asan
    cmake --workflow --preset tsan
    tools/fuzz.sh 15
    ;;
esac
