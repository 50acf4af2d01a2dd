#!/usr/bin/env python3
"""Where a benchmark row's slow calls come from: stalls of the whole pipeline, or spread out.

    benchmarks/stalls.py CALL_LOG [ROW [TIMEHIST PIDS]]

CALL_LOG is what `aura-bench --call-log PATH` wrote: per call its row, its start (nanoseconds on
CLOCK_MONOTONIC) and its latency. ROW picks one row (default: "unary inflight=64 conns=1").
A stall is a millisecond in which fewer calls completed than a quarter of the row's median per
millisecond. The script prints how many stalls there were, how much of the row they cover, how
many of the calls at or above the row's p99 overlap one, and the p50/p99 of the calls that
overlap none.

TIMEHIST, when given, is `perf sched timehist` output recorded with `-k CLOCK_MONOTONIC` during
the row (`perf sched record -k CLOCK_MONOTONIC -a -- sleep 3`, then `perf sched timehist -i
perf.data > timehist.txt`), and PIDS the benchmark's processes, comma-separated (aura-bench and
the server it started): the script then splits the two CPUs' time during stalls and outside
them among those processes, the other tasks by name, and idle.
"""
import collections
import sys

MS = 1_000_000


def load_calls(path, row):
    calls = []
    with open(path) as log:
        for line in log:
            name, _, rest = line.rstrip("\n").rpartition(" ")  # "<row> <start> <latency>"
            name, _, start = name.rpartition(" ")
            if name == row:
                calls.append((int(start), int(rest)))
    calls.sort()
    return calls


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * fraction))]


def stalls_of(calls):
    done = collections.Counter((start + latency) // MS for start, latency in calls)
    first, last = min(done), max(done)
    median = sorted(done.values())[len(done) // 2]
    # The first and last 5 ms are the row's ramp-up and wind-down.
    return {ms for ms in range(first + 5, last - 5) if done.get(ms, 0) < median / 4}, first, last, median


def overlaps(call, stalls):
    start, latency = call
    return any(ms in stalls for ms in range(start // MS, (start + latency) // MS + 1))


def cpu_split(timehist, stalls, first, last, pids):
    """Nanoseconds of CPU per task kind, during stalls and outside them."""
    intervals = []
    with open(timehist) as lines:
        for line in lines:
            fields = line.split()
            try:
                end, run_ms = float(fields[0]), float(fields[-1])
            except (ValueError, IndexError):
                continue
            name = fields[2]
            pid = name.rsplit("/", 1)[-1].rstrip("]") if "/" in name else None
            kind = "idle" if name.startswith("<idle>") else f"pid {pid}" if pid in pids else "other: " + name.split("[")[0]
            end_ns = int(end * 1e9)
            intervals.append((end_ns - int(run_ms * MS), end_ns, kind))
    if not intervals:
        return None
    low, high = min(i[0] for i in intervals), max(i[1] for i in intervals)
    split = {True: collections.Counter(), False: collections.Counter()}
    counted = {True: 0, False: 0}
    for ms in range(first + 5, last - 5):
        window = (ms * MS, (ms + 1) * MS)
        if window[0] < low or window[1] > high:
            continue
        stalled = ms in stalls
        counted[stalled] += 1
        for start, end, kind in intervals:
            overlap = min(window[1], end) - max(window[0], start)
            if overlap > 0:
                split[stalled][kind] += overlap
    return split, counted


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    row = sys.argv[2] if len(sys.argv) > 2 else "unary inflight=64 conns=1"
    calls = load_calls(sys.argv[1], row)
    if len(calls) < 1000:
        sys.exit(f"{len(calls)} calls of row {row!r} in {sys.argv[1]}: too few")
    latencies = sorted(latency for _, latency in calls)
    p99 = percentile(latencies, 0.99)
    stalls, first, last, median = stalls_of(calls)
    episodes = sum(1 for ms in stalls if ms - 1 not in stalls)
    seconds = (last - first) / 1000
    slow = [call for call in calls if call[1] >= p99]
    calm = sorted(latency for start, latency in calls if not overlaps((start, latency), stalls))
    print(f"{row}: {len(calls)} calls in {seconds:.2f} s, p50 {percentile(latencies, 0.5) / 1e3:.0f} µs, "
          f"p99 {p99 / 1e3:.0f} µs, median {median} completions per ms")
    print(f"stalls (ms with < 1/4 of the median's completions): {episodes} episodes, {episodes / seconds:.1f}/s, "
          f"{len(stalls)} ms = {len(stalls) / (seconds * 10):.1f}% of the row")
    print(f"calls at or above p99 overlapping a stall: {sum(overlaps(c, stalls) for c in slow)} of {len(slow)}; "
          f"all calls overlapping one: {sum(overlaps(c, stalls) for c in calls) / len(calls) * 100:.1f}%")
    print(f"calls overlapping no stall: p50 {percentile(calm, 0.5) / 1e3:.0f} µs, p99 {percentile(calm, 0.99) / 1e3:.0f} µs")
    if len(sys.argv) > 3:
        pids = set(sys.argv[4].split(",")) if len(sys.argv) > 4 else set()
        result = cpu_split(sys.argv[3], stalls, first, last, pids)
        if result is None:
            sys.exit(f"no scheduler events in {sys.argv[3]}")
        split, counted = result
        for stalled in (True, False):
            if counted[stalled] == 0:
                continue
            print(f"{'during stalls' if stalled else 'outside stalls'} ({counted[stalled]} ms), share of the 2 CPUs:")
            for kind, ns in split[stalled].most_common(8):
                print(f"  {kind}: {ns / (counted[stalled] * MS * 2) * 100:.0f}%")


if __name__ == "__main__":
    main()
