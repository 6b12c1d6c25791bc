#!/usr/bin/env bash
# Fuzzes decode → sanitise → extract → reader layout → cells (Sources/BylineFuzz) with libFuzzer and AddressSanitizer.
# Usage: .ci/fuzz.sh [seconds]   (default 60). Starts from the committed seeds in fuzz/seeds, which it never
# modifies; new inputs go to .build-fuzz/corpus and any crashing input to .build-fuzz/artifacts/. Exit status is
# libFuzzer's: 0 when nothing was found.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch=.build-fuzz

flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -DBYLINE_LIBFUZZER)
swift build -c release --scratch-path "$scratch" --product byline-fuzz "${flags[@]}"
binary="$(swift build -c release --scratch-path "$scratch" --product byline-fuzz "${flags[@]}" --show-bin-path)/byline-fuzz"

mkdir -p "$scratch/corpus" "$scratch/artifacts"
# -detect_leaks=0: the Swift runtime keeps metadata caches alive for the life of the process by design.
"$binary" "$scratch/corpus" fuzz/seeds \
  -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
  -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$scratch/artifacts/"
