#!/usr/bin/env python3
"""What the JIT compiles before a server's first response, and what that server costs to start.

Starts each server ROUNDS times, interleaved, the way the load tool does (its own folder, --urls on a free port,
warnings-only logging, Production, DOTNET_TieredPGO=1), with DOTNET_JitStdOutFile and DOTNET_JitDisasmSummary=1 (both
work on release runtimes); polls GET /plaintext until it answers 200, copies the JIT's list at that moment, reads the
CPU time the process used (/proc/PID/stat) and, 1 s later, its resident memory (/proc/PID/smaps_rollup), then kills it.

Per server, medians over the rounds: methods compiled (first compilations only: tier-1 recompilations, which depend on
timing, are left out; "in every round" counts the distinct methods every round compiled, the figure that does not
depend on timing), their IL and code bytes, the methods no round of the reference server (the first one named)
compiled, time to first response (wall clock: noise on a busy machine), CPU time and idle working set.

    python3 bench/profiling/jit-startup.py --rounds 5 --out artifacts/jit \\
        raw=bench/Pulya.Peers.RawKestrel/bin/Release/net10.0/Pulya.Peers.RawKestrel.dll \\
        trio=bench/Pulya.Trio/bin/Release/net10.0/Pulya.Trio.dll \\
        'minimal=bench/Pulya.Peers.MinimalApi/bin/Release/net10.0/Pulya.Peers.MinimalApi.dll --Peer:Trio=true'

--list NAME prints the methods NAME compiled that the reference did not (code bytes, tier, method), largest first.
"""
import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time

LINE = re.compile(r"\s*\d+: JIT compiled (.*) \[(.*?), IL size=(\d+), code size=(\d+)")
# Source-generated classes carry a hash of their file path in their name: without it two builds compare by method.
GENERATED = re.compile(r"_g>F[0-9A-F]{64}__")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_once(dll, arguments, jit_file):
    port = free_port()
    env = dict(os.environ, DOTNET_ENVIRONMENT="Production", DOTNET_TieredPGO="1",
               DOTNET_JitStdOutFile=jit_file, DOTNET_JitDisasmSummary="1")
    command = ["dotnet", dll, "--urls", f"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning",
               "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning", *arguments]
    request = b"GET /plaintext HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=os.path.dirname(dll), env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if process.poll() is not None:
                sys.exit(f"{dll} exited with {process.returncode} before answering")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
                    connection.sendall(request)
                    if b" 200 " in connection.recv(64):
                        break
            except OSError:
                time.sleep(0.002)
        first = (time.monotonic() - started) * 1000
        fields = open(f"/proc/{process.pid}/stat").read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
        methods = []
        for line in open(jit_file):
            match = LINE.match(line)
            if match and "Tier1" not in match.group(2):
                methods.append((GENERATED.sub("_g>__", match.group(1)), match.group(2), int(match.group(3)), int(match.group(4))))
        time.sleep(1)
        rss = next(int(l.split()[1]) for l in open(f"/proc/{process.pid}/smaps_rollup") if l.startswith("Rss:"))
        return {"first": first, "cpu": cpu, "rss": rss / 1024, "methods": methods}
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", default="artifacts/jit-startup", help="folder for the JIT lists")
    parser.add_argument("--list", metavar="NAME", help="print the methods NAME compiled that the reference did not")
    parser.add_argument("servers", nargs="+", help="NAME=PATH.dll [arguments...] (quote it); the first is the reference")
    options = parser.parse_args()
    os.makedirs(options.out, exist_ok=True)
    servers = []
    for spec in options.servers:
        name, _, rest = spec.partition("=")
        dll, *arguments = rest.split()
        servers.append((name, os.path.abspath(dll), arguments))
    runs = {name: [] for name, _, _ in servers}
    for round_ in range(1, options.rounds + 1):
        for name, dll, arguments in servers:
            jit_file = os.path.abspath(os.path.join(options.out, f"{name}-{round_}.jit"))
            if os.path.exists(jit_file):
                os.remove(jit_file)
            runs[name].append(start_once(dll, arguments, jit_file))
    reference = set()
    for run in runs[servers[0][0]]:
        reference |= {m[0] for m in run["methods"]}
    print("| server | methods JIT'd (range) | in every round | IL bytes | code bytes | not in the reference | their code bytes | first response ms | CPU ms | idle working set MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, _, _ in servers:
        def median(f):
            return statistics.median(f(run) for run in runs[name])
        extra = lambda run: [m for m in run["methods"] if m[0] not in reference]
        counts = sorted(len(run["methods"]) for run in runs[name])
        every = set.intersection(*({m[0] for m in run["methods"]} for run in runs[name]))
        print(f"| {name} | {median(lambda r: len(r['methods'])):.0f} ({counts[0]}–{counts[-1]}) | {len(every)} "
              f"| {median(lambda r: sum(m[2] for m in r['methods'])):.0f} | {median(lambda r: sum(m[3] for m in r['methods'])):.0f} "
              f"| {median(lambda r: len(extra(r))):.0f} | {median(lambda r: sum(m[3] for m in extra(r))):.0f} "
              f"| {median(lambda r: r['first']):.0f} | {median(lambda r: r['cpu']):.0f} | {median(lambda r: r['rss']):.1f} |")
    if options.list:
        run = runs[options.list][0]
        for method, tier, _, code in sorted((m for m in run["methods"] if m[0] not in reference), key=lambda m: -m[3]):
            print(f"{code}\t{tier}\t{method}")


if __name__ == "__main__":
    main()
