#!/usr/bin/env bash
# Refheap beside CPython on the same machine in one run: the numbers of docs/BENCHMARKS.md.
#   bench/compare.sh [TASKS]      (TASKS for the collector workloads; default 1000000)
# Needs the CPythons of the pyenv install (PYENV_VERSION=2.7.18 / 3.12.1 python).
set -euo pipefail
cd "$(dirname "$0")/.."
tasks="${1:-1000000}"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "## Allocation (BenchmarkDotNet, ShortRun)"
dotnet run -c Release --project bench/Refheap.Benchmarks -- --filter '*AllocationBenchmarks*' --job short 2>&1 | grep -E '^\|'
echo "## Allocation, CPython (bench/cpython/alloc_pairs.py, best of 5, ns per pair, loop overhead included)"
for v in 2.7.18 3.12.1; do PYENV_VERSION=$v python bench/cpython/alloc_pairs.py 1000000; done
echo "## Collector on the Task/Subtask graph"
dotnet run -c Release --project bench/Refheap.Benchmarks -- gc-graph --tasks "$tasks" --cpython
