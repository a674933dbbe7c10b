#!/usr/bin/env python3
"""Inclusive % of frames over the on-CPU samples of `perf script -F comm,tid,ip,sym` output.

By default only samples whose stack holds Kestrel's request loop (HttpProtocol ProcessRequests) count (request-thread
time, as frames.py computes from dotnet-trace); with --all every sample of the process counts. A frame counts once per
sample. The output has frames.py's format, so compare-frames.py reads both. Usage: perf-frames.py FILE [TOP] [--all]

With --owners, each request-thread sample goes instead to the component that owns the code on CPU: the innermost frame
of a known component (the framework, Kestrel, the ASP.NET Core middleware of the authenticated scenarios, JSON, DI), so
that runtime helpers, collections and allocation count for the component that called them; the top frames of each follow.
"""
import collections, re, sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
every = "--all" in sys.argv
owners = "--owners" in sys.argv
# Component by namespace prefix, first match wins; a frame of none (runtime, System.*) is transparent.
COMPONENTS = [("Pulya.", "framework: Pulya"), ("Microsoft.IdentityModel", "middleware"),
              ("Microsoft.AspNetCore.Authentication", "middleware"), ("Microsoft.AspNetCore.Authorization", "middleware"),
              ("Microsoft.AspNetCore.RateLimiting", "middleware"), ("System.Threading.RateLimiting", "middleware"),
              ("System.Security.Claims", "middleware"), ("Microsoft.AspNetCore.Server.Kestrel", "Kestrel"),
              ("Microsoft.AspNetCore.", "framework: ASP.NET Core"), ("Microsoft.Extensions.Logging", "framework: ASP.NET Core"),
              ("System.Text.Json", "JSON (System.Text.Json)"), ("Microsoft.Extensions.DependencyInjection", "DI")]
owned = collections.Counter()
def owner(frames):
    for f in frames:
        for prefix, component in COMPONENTS:
            if f.startswith(prefix):
                return component, f
    return "other (runtime, thread pool)", ""

top = int(args[1]) if len(args) > 1 else 60
counts = collections.Counter()
total = 0
# perf-map names look like "[Optimized] Namespace.Type::Method(args)[OptimizedTier1]" or "instance void ..."; keep Type::Method.
def clean(sym):
    sym = re.sub(r"\[(InstrumentedTier|InstrumentedTierOptimized|OptimizedTier1|Optimized|Tier0|Tier1|PreJIT|QuickJitted|OSR)\]$", "", sym.strip())
    sym = sym.split("(", 1)[0]
    if "::" in sym:
        # "<return type> [Assembly] Namespace.Type::Method": keep Namespace.Type.Method
        head, method = sym.rsplit("::", 1)
        sym = head.rsplit(" ", 1)[-1] + "." + method
    return sym.strip() or "[unknown]"

def account(frames):
    global total
    if not frames:
        return
    if not every and not any("ProcessRequests" in f for f in frames):
        return
    total += 1
    if owners:
        component, frame = owner(frames)
        owned[component] += 1
        counts[(component, frame)] += 1
        return
    for f in set(frames):
        counts[f] += 1

frames = []
with open(args[0], errors="replace") as lines:
    for line in lines:
        if not line.strip():
            account(frames)
            frames = []
            continue
        if line[0] not in " \t":
            continue  # sample header (comm tid)
        parts = line.strip().split(None, 1)
        frames.append(clean(parts[1]) if len(parts) > 1 else "[unknown]")
account(frames)
print(f"# {'process' if every else 'request-thread'} on-CPU samples: {total}")
if owners:
    for component, c in owned.most_common():
        print(f"{100.0 * c / max(total, 1):6.2f}\t{component}")
        for (_, frame), n in sorted(((k, v) for k, v in counts.items() if k[0] == component and k[1]), key=lambda kv: -kv[1])[:top]:
            print(f"{100.0 * n / max(total, 1):6.2f}\t    {frame}")
    sys.exit(0)
for name, c in counts.most_common(top):
    print(f"{100.0 * c / max(total, 1):6.2f}\t{name}")
