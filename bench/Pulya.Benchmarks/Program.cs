using BenchmarkDotNet.Running;
using Pulya.Benchmarks;

if (args is ["--pooling-ab", .. var rest])
{
    // Interleaved None vs. ObjectPool throughput (see Pooling/PoolingThroughputComparison.cs).
    Pulya.Benchmarks.Pooling.PoolingThroughputComparison.Run(rest);
    return;
}

// Select suites with --filter (e.g. --filter '*Headers*'); add --job short or --job dry for quick runs.
BenchmarkSwitcher.FromAssembly(typeof(PulyaBenchmarkConfig).Assembly).Run(args, new PulyaBenchmarkConfig());
