#!/bin/sh
# Runs every cargo-fuzz target for a bounded time on a scratch copy of fuzz/seeds, and prints
# the executions per target. Needs a nightly toolchain; says so and exits 0 when there is none.
#   tools/fuzz.sh [SECONDS_PER_TARGET]
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-10}
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    echo "fuzz: skipped: no nightly toolchain (rustup toolchain install nightly)"
    exit 0
fi
if ! cargo fuzz --version 2>/dev/null | grep -q '0.13.2'; then
    cargo install cargo-fuzz --version 0.13.2
fi
for t in normalize find_censor list_kavach list_plain list_csv jsonl fast_path list_build; do
    # list_build grows lists up to a 128 MiB build limit: the fuzzer's cap is 4x that, without
    # AddressSanitizer (its quarantine and shadow memory would count as ours).
    rss=2048 sanitizer=address
    if [ "$t" = list_build ]; then rss=512 sanitizer=none; fi
    mkdir -p target/fuzz-corpus/$t
    log=target/fuzz-corpus/$t.log
    if ! (cd fuzz && cargo +nightly fuzz run -O -s $sanitizer $t ../target/fuzz-corpus/$t seeds/$t -- \
            -max_total_time="$seconds" -rss_limit_mb=$rss) >"$log" 2>&1; then
        grep -E 'panicked|assertion|SUMMARY|Test unit written' "$log" | head -20
        echo "fuzz: $t FAILED (log: $log; the input is in fuzz/artifacts/$t/)"
        exit 1
    fi
    echo "fuzz: $t: $(grep -E '^Done [0-9]+ runs' "$log" | tail -1)"
done
