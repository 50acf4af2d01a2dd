#!/bin/sh
# Builds the PatternRedactorCore sources and the benchmark as one optimized module and runs it.
# Usage: Plugins/PatternRedactor/Bench/run.sh (from anywhere).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${TMPDIR:-/tmp}/pattern-redactor-bench
swiftc -O -wmo -parse-as-library -module-name PatternRedactorBench \
    "$here"/../Core/*.swift "$here"/main.swift -o "$out"
"$out"
