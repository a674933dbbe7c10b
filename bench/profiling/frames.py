#!/usr/bin/env python3
"""Inclusive % of frames over request-thread time in a dotnet-trace speedscope file (evented or sampled profiles).

Request-thread time: time whose stack holds Kestrel's request loop (HttpProtocol ProcessRequests). A frame's inclusive
% is the share of that time with the frame anywhere on the stack (counted once). Usage: frames.py FILE [TOP]
"""
import json, sys, collections
data = json.load(open(sys.argv[1]))
top = int(sys.argv[2]) if len(sys.argv) > 2 else 60
names = [f["name"] for f in data["shared"]["frames"]]
total = 0.0
counts = collections.Counter()

def account(stack, weight):
    global total
    frames = {names[i] for i in stack}
    if not any("ProcessRequests" in n for n in frames):
        return
    total += weight
    for n in frames:
        counts[n] += weight

for profile in data["profiles"]:
    if profile["type"] == "sampled":
        for stack, weight in zip(profile["samples"], profile.get("weights", [1] * len(profile["samples"]))):
            account(stack, weight)
        continue
    stack, last = [], None
    for e in profile["events"]:
        if last is not None and stack and e["at"] > last:
            account(stack, e["at"] - last)
        last = e["at"]
        if e["type"] == "O":
            stack.append(e["frame"])
        else:
            # close the frame (innermost occurrence)
            for k in range(len(stack) - 1, -1, -1):
                if stack[k] == e["frame"]:
                    del stack[k:]
                    break
print(f"# request-thread time: {total:.1f} {data['profiles'][0].get('unit')}")
for name, c in counts.most_common(top):
    print(f"{100.0 * c / total:6.2f}\t{name}")
