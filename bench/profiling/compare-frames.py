#!/usr/bin/env python3
"""Side by side, the inclusive % of each frame in several frames.txt files of cpu-frames.sh (frames ≥ 1% in any).

Usage: compare-frames.py A/frames.txt B/frames.txt ...   → one row per frame: the % in each file, then the frame.
"""
import re
import sys


def load(path):
    frames = {}
    for line in open(path):
        if line.startswith('#'):
            continue
        pct, name = line.rstrip('\n').split('\t', 1)
        short = re.sub(r'\(.*\)$', '', name.split('!', 1)[-1])
        short = short.replace('Microsoft.AspNetCore.Server.Kestrel.Core.Internal.', 'Kestrel.')
        frames[short] = frames.get(short, 0) + float(pct)
    return frames


runs = [load(f) for f in sys.argv[1:]]
skip = ('Process64', 'Thread (', 'Threads', '(Non-', 'System.Threading.', 'System.Runtime.CompilerServices.AsyncTask')
for name in sorted(set().union(*runs), key=lambda n: -max(r.get(n, 0) for r in runs)):
    values = [r.get(name, 0) for r in runs]
    if max(values) >= 1.0 and name and not name.startswith(skip):
        print(' | '.join(f'{v:5.1f}' for v in values), '|', name[:150])
