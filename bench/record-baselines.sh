#!/usr/bin/env bash
# Re-records bench/baselines/ for every suite and measures the A/A noise of this machine, in one command:
#   1. runs every suite (or FILTER) twice with the job of .github/workflows/benchmark.yml, into artifacts/baseline-a and
#      artifacts/baseline-b;
#   2. copies run A into bench/baselines/, slimmed to what Pulya.BenchCompare reads (--slim: the environment, each
#      benchmark's identity and job, a statistics summary, its memory figures and its measured iterations; the full
#      reports stay in artifacts/baseline-a);
#   3. compares run B with it as an A/A (Pulya.BenchCompare --aa) into artifacts/aa.md: per benchmark the change
#      between two runs of the same code and the smallest slowdown the test can tell from that noise (detectable shift).
# Exit code: BenchCompare's. 1 means a time threshold of bench/thresholds.json is below what the A/A run can detect
# (raise it with an override for that pattern) or the two runs differ beyond their noise (the machine was not quiet).
# Run it on a quiet machine (check the load average first), from the repository root or anywhere:
#   bash bench/record-baselines.sh            # every suite, about 30 minutes on a 2-core machine
#   FILTER='*Headers*' bash bench/record-baselines.sh
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${FILTER:-*}"
job="$(sed -n 's/^  BENCH_JOB: //p' .github/workflows/benchmark.yml)"
if [ -z "$job" ]; then
  echo "BENCH_JOB not found in .github/workflows/benchmark.yml" >&2
  exit 2
fi

dotnet build bench/Pulya.Benchmarks -c Release --nologo -v q
dotnet build bench/Pulya.BenchCompare -c Release --nologo -v q
rm -rf artifacts/baseline-a artifacts/baseline-b
for run in a b; do
  echo "== run $run: --filter '$filter' $job"
  # shellcheck disable=SC2086 # the job is a list of options
  dotnet run -c Release --project bench/Pulya.Benchmarks --no-build -- --filter "$filter" $job --artifacts "artifacts/baseline-$run"
done

cp artifacts/baseline-a/results/*-report-full.json artifacts/baseline-a/results/*-baselines.json bench/baselines/
dotnet run -c Release --project bench/Pulya.BenchCompare --no-build -- --slim bench/baselines
echo "== A/A: run b against run a"
dotnet run -c Release --project bench/Pulya.BenchCompare --no-build -- --baseline artifacts/baseline-a/results --current artifacts/baseline-b/results \
  --thresholds bench/thresholds.json --aa --markdown artifacts/aa.md
# Then, if the A/A asks for it: python3 bench/thresholds-from-aa.py artifacts/aa.md > bench/thresholds.json (per-benchmark
# thresholds from this A/A run), and compare again with --aa: it exits 0.
