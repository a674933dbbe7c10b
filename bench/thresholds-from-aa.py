#!/usr/bin/env python3
"""Writes bench/thresholds.json from an A/A comparison (the Markdown table of Pulya.BenchCompare --aa --markdown).

Per benchmark, the time and ratio thresholds are what the A/A run needs: the larger of the change between the two runs
of the same code (taken in its larger direction, so a 50% drop counts as 100%) and the detectable shift of the test,
plus 15%, rounded up to a whole percent. Allocations stay exact (1%) unless the two runs allocated differently. A
benchmark the table does not name (a new one) gets the defaults until an A/A run gives it its own.

Usage: python3 bench/thresholds-from-aa.py artifacts/aa.md > bench/thresholds.json   (bench/record-baselines.sh writes aa.md)
"""
import json
import math
import sys


NOISE_NS = 0.5
NOISE_NS_PIPELINE = 20


def is_pipeline(name):
    """The in-process pipeline and pooling suites include the server's own noise: a 20 ns floor."""
    return '.Pipeline.' in name or '.Pooling.' in name


def percent(text):
    try:
        return float(text.replace('%', '').replace('+', '').replace('\u2212', '-'))
    except ValueError:
        return 0.0


def needed(change, detectable):
    larger_direction = (100.0 / (100.0 + change) - 1) * 100 if change < 0 else change
    return max(larger_direction, detectable)


def nanoseconds(text):
    """'459.14 ns', '1,234.5 \u03bcs', '3.2 ms' -> nanoseconds (0 when it is not a time)."""
    parts = text.replace(',', '').split()
    scale = {'ns': 1.0, 'us': 1e3, '\u03bcs': 1e3, '\u00b5s': 1e3, 'ms': 1e6, 's': 1e9}
    if len(parts) != 2 or parts[1] not in scale:
        return 0.0
    return float(parts[0]) * scale[parts[1]]


def up(value):
    return max(1, math.ceil(value * 1.15))


def main(path):
    benchmarks = {}
    for line in open(path, encoding='utf-8'):
        if not line.startswith('| Pulya'):
            continue
        name, metric, stored, _current, change, _verdict, _threshold, detectable, _how = [c.strip() for c in line.split('|')[1:-1]]
        entry = benchmarks.setdefault(name, {})
        if metric == 'Allocations':
            entry['allocations'] = abs(percent(change))
        elif metric == 'Time':
            # The compare tool never detects less than the absolute noise floor (noiseNs) relative to the median.
            floor = NOISE_NS_PIPELINE if is_pipeline(name) else NOISE_NS
            median = nanoseconds(stored)
            entry['time'] = max(needed(percent(change), percent(detectable)), floor / median * 100 if median > 0 else 0)
        else:
            entry['ratio'] = needed(percent(change), percent(detectable))

    overrides = []
    for name, entry in sorted(benchmarks.items()):
        time = up(entry.get('time', 0))
        item = {'pattern': name.replace('"', '?'), 'time': f'{time}%', 'ratio': f"{up(entry['ratio']) if 'ratio' in entry else time}%"}
        if entry.get('allocations', 0) > 1:
            item['allocations'] = f"{up(entry['allocations'])}%"
        if is_pipeline(name):
            item['noiseNs'] = NOISE_NS_PIPELINE
        overrides.append(item)

    document = {
        '//': 'Written by bench/thresholds-from-aa.py from the A/A run of bench/record-baselines.sh (two runs of every suite on a quiet machine): '
              'each benchmark\'s time and ratio threshold is what that run needed (the larger of the change between the two runs and the detectable shift, +15%). '
              'Do not lower a threshold below what a new A/A run needs. Allocations stay exact (1%) except where the two runs allocated differently. '
              'Benchmarks not listed (new ones) get the defaults until an A/A run gives them their own.',
        'time': '5%', 'allocations': '1%', 'ratio': '5%', 'noiseNs': NOISE_NS, 'alpha': 0.01,
        'overrides': overrides,
    }
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'artifacts/aa.md')
