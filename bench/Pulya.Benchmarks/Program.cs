using Pulya.Benchmarks;

if (args is ["--pooling-ab", .. var rest])
{
    // Interleaved None vs. ObjectPool throughput (see Pooling/PoolingThroughputComparison.cs).
    Pulya.Benchmarks.Pooling.PoolingThroughputComparison.Run(rest);
    return 0;
}

// Select suites with --filter (e.g. --filter '*Headers*'); add --job short or --job dry for quick runs.
// Profilers: BenchmarkDotNet's own "--profiler EP" records a CPU trace (speedscope) per benchmark over EventPipe;
// "--alloc-profiler" records an EventPipe allocation trace (gc-verbose: GC events and allocation samples) instead.
// The exit code is 1 when any benchmark failed (see BenchmarkProgram).
return BenchmarkProgram.Run(args, typeof(BenchmarkProgram).Assembly);
