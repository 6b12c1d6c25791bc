#!/usr/bin/env bash
# Builds byline and bylinebench in release mode and runs the benchmark of issues 4 and 6.
#   benchmarks/run.sh                          # 1,000 / 10,000 / 100,000 articles
#   benchmarks/run.sh --sizes 1000,10000       # any `bylinebench run` options pass through
# Corpora are generated once into the work folder (default /tmp/bylinebench) and reused while their
# parameters match; the figures go to standard output and to a JSON file in the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${BYLINEBENCH_SCRATCH:-.build-bench-release}
swift build -c release --scratch-path "$scratch" --product byline
swift build -c release --scratch-path "$scratch" --product bylinebench
exec "$scratch/release/bylinebench" run "$@"
