#!/usr/bin/env bash
# Builds govplan's libFuzzer harnesses with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer on) and runs each for a given time.
#
#   tools/fuzz.sh SECONDS [HARNESS...]     (default: every harness)
#
# Harnesses: json decimal unit envelope archive_text archive_xml archive_binary extract.
# Seeds come from tests/fuzz/seeds/<harness>/ and past findings from
# tests/fuzz/regressions/<harness>/; new corpus entries go to
# build/fuzz/corpus/<harness>/ (not committed). A crash, leak or sanitizer
# report stops the run with a non-zero status; the input is saved in
# build/fuzz/artifacts/: add it to tests/fuzz/regressions/<harness>/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:?usage: tools/fuzz.sh SECONDS [HARNESS...]}
shift
harnesses=("$@")
if ((${#harnesses[@]} == 0)); then
  harnesses=(json decimal unit envelope archive_text archive_xml archive_binary extract)
fi

cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DGOVPLAN_FUZZ=ON -DGOVPLAN_SANITIZE=address,undefined \
  -DGOVPLAN_BUILD_TESTS=OFF -DGOVPLAN_BUILD_EXAMPLES=OFF -DGOVPLAN_BUILD_TOOLS=OFF >/dev/null
targets=()
for h in "${harnesses[@]}"; do targets+=("${h}_fuzz"); done
cmake --build build/fuzz -j2 --target "${targets[@]}" >/dev/null

mkdir -p build/fuzz/artifacts
for h in "${harnesses[@]}"; do
  corpus=build/fuzz/corpus/$h
  mkdir -p "$corpus"
  dirs=("$corpus" "tests/fuzz/seeds/$h")
  [[ -d tests/fuzz/regressions/$h ]] && dirs+=("tests/fuzz/regressions/$h")
  extra=()
  # json takes inputs up to 1 MB (a plan of thousands of items); the others 64 KB.
  max_len=65536
  [[ $h == json ]] && extra+=(-dict=tests/fuzz/json.dict) && max_len=1048576
  [[ $h == extract ]] && extra+=(-dict=tests/fuzz/extract.dict)
  echo "fuzz: $h for ${seconds}s"
  log=build/fuzz/$h.log
  status=0
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "build/fuzz/tests/fuzz/${h}_fuzz" "${dirs[@]}" "${extra[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -artifact_prefix="build/fuzz/artifacts/${h}-" -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|ERROR|SUMMARY|finding|Test unit written" "$log" || true
  if [[ $status -ne 0 ]] || ! grep -q "^stat::number_of_executed_units" "$log"; then
    tail -40 "$log" >&2
    echo "fuzz: $h FAILED (status $status); log $log, inputs in build/fuzz/artifacts/" >&2
    exit 1
  fi
done
echo "fuzz: ${#harnesses[@]} passed, 0 failed"
