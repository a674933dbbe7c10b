using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using Pulya.Benchmarks;

if (args is ["--pooling-ab", .. var rest])
{
    // Interleaved None vs. ObjectPool throughput (see Pooling/PoolingThroughputComparison.cs).
    Pulya.Benchmarks.Pooling.PoolingThroughputComparison.Run(rest);
    return;
}

// Select suites with --filter (e.g. --filter '*Headers*'); add --job short or --job dry for quick runs.
// Profilers: BenchmarkDotNet's own "--profiler EP" records a CPU trace (speedscope) per benchmark over EventPipe;
// "--alloc-profiler" records an EventPipe allocation trace (gc-verbose: GC events and allocation samples) instead.
var config = new PulyaBenchmarkConfig();
if (args.Contains("--alloc-profiler"))
{
    args = [.. args.Where(a => a != "--alloc-profiler")];
    config.AddDiagnoser(new EventPipeProfiler(EventPipeProfile.GcVerbose));
}

BenchmarkSwitcher.FromAssembly(typeof(PulyaBenchmarkConfig).Assembly).Run(args, config);
