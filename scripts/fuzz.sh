#!/usr/bin/env bash
# Fuzzes the input readers with libFuzzer: the namelist parser, the forcing-table and IAMC readers, the checkpoint
# and journal decoders (Sources/EarthBox/Fuzzing/FuzzHarness.swift; entry points in Fuzz/Targets).
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]      default: 300 s each, all five targets
#
# scripts/test.sh runs it for 30 s per target (CI); run it longer by hand, e.g. `bash scripts/fuzz.sh 1800`.
# The seed corpus is Fuzz/corpus/<target>/ (committed); what libFuzzer adds goes to .build-fuzz/corpus/<target>/.
# A crash or hang stops the script with exit 1 and leaves the input in .build-fuzz/artifacts/<target>/: copy it to
# Fuzz/regressions/<target>/ (the test suite replays every file there, FuzzCorpusTests) and fix the reader.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(namelist forcing iamc checkpoint journal)

export EARTHBOX_FUZZ=1 SWIFT_BACKTRACE=enable=no
mkdir -p .build-fuzz
buildlog=.build-fuzz/build.log
product() { echo "Fuzz$(echo "${1:0:1}" | tr a-z A-Z)${1:1}"; }
# Only the fuzz products: with --sanitize=fuzzer libFuzzer supplies main(), so the other executables cannot link.
for t in "${targets[@]}"; do
  if ! swift build -c release --sanitize=fuzzer --scratch-path .build-fuzz --product "$(product "$t")" >"$buildlog" 2>&1; then
    grep -E "error" "$buildlog" | head -5; echo "fuzz: build of $(product "$t") failed ($buildlog)"; exit 1
  fi
done
rm -f "$buildlog"
bin=$(swift build -c release --sanitize=fuzzer --scratch-path .build-fuzz --show-bin-path)

status=0
for t in "${targets[@]}"; do
  exe="$bin/$(product "$t")"
  mkdir -p ".build-fuzz/corpus/$t" ".build-fuzz/artifacts/$t"
  log=".build-fuzz/fuzz-$t.log"
  # -timeout: an input taking over 10 s is a hang; -rss_limit_mb: unbounded allocation is a failure too.
  if "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
       -artifact_prefix=".build-fuzz/artifacts/$t/" ".build-fuzz/corpus/$t" "Fuzz/corpus/$t" >"$log" 2>&1; then
    # -a: a target's log can hold the bytes of the inputs it reports, and grep would then only say "binary file matches".
    runs=$(grep -a -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    echo "fuzz $t: $runs executions in ${seconds} s, 0 crashes, 0 hangs"
  else
    status=1
    echo "fuzz $t: FAILED (crash, hang or memory limit); input in .build-fuzz/artifacts/$t/, log $log"
    grep -E '^==[0-9]+==|ERROR|SUMMARY|Fatal error' "$log" | head -5 || true
  fi
done
exit $status
