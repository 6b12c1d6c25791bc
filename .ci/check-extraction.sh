#!/usr/bin/env bash
# Extraction regression check: scores `byline extract --json` on ../shared/corpus/dev (articles/ and full/)
# and fails when body F1 falls more than 0.01 below the figure committed in benchmarks/extraction-baseline.json.
# Usage: .ci/check-extraction.sh [PATH-TO-byline]   (builds the release binary when no path is given)
set -euo pipefail
cd "$(dirname "$0")/.."

binary="${1:-}"
if [ -z "$binary" ]; then
  swift build -c release --product byline >/dev/null
  binary="$(swift build -c release --show-bin-path)/byline"
fi
corpus="../shared/corpus/dev"
evaluator="../shared/tools/eval_extract.py"
baseline="benchmarks/extraction-baseline.json"
if [ ! -d "$corpus" ] || [ ! -f "$evaluator" ]; then
  echo "extraction check: $corpus not present, skipped"
  exit 0
fi

# Prints "F1 P R n" from the evaluator's last line, and the title line when there is one.
score() {
  local set_dir="$1" output last
  output="$(python3 "$evaluator" --json-cmd "'$binary' extract --json {paths}" "$set_dir")"
  last="$(printf '%s\n' "$output" | tail -n 1)"
  title="$(printf '%s\n' "$output" | grep '^title' | tail -n 1 || true)"
  # Last line: "F1 0.912 P 0.930 R 0.895 n=120"
  set -- $last
  if [ "${1:-}" != "F1" ]; then echo "extraction check: unexpected evaluator output: $last" >&2; exit 1; fi
  f1="$2"; precision="$4"; recall="$6"; count="${7#n=}"
}

expected() {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["f1"])' "$baseline" "$1"
}

failed=0
for name in articles full; do
  if [ "$name" = articles ]; then set_dir="$corpus"; else set_dir="$corpus/full"; fi
  score "$set_dir"
  want="$(expected "$name")"
  verdict="$(python3 -c 'import sys; print("ok" if float(sys.argv[1]) >= float(sys.argv[2]) - 0.01 else "FAIL")' "$f1" "$want")"
  printf '%-9s body F1 %s  P %s  R %s  n=%s   committed F1 %s (allowed down to -0.01)   %s\n' \
    "$name/" "$f1" "$precision" "$recall" "$count" "$want" "$verdict"
  [ -n "$title" ] && printf '          %s\n' "$title"
  if [ "$verdict" != ok ]; then failed=1; fi
done
if [ "$failed" -ne 0 ]; then
  echo "extraction check FAILED: body F1 fell more than 0.01 below $baseline"
  exit 1
fi
echo "extraction check passed"
