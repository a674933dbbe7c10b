using BenchmarkDotNet.Running;
using Pulya.Benchmarks;

// Select suites with --filter (e.g. --filter '*Headers*'); add --job short or --job dry for quick runs.
BenchmarkSwitcher.FromAssembly(typeof(PulyaBenchmarkConfig).Assembly).Run(args, new PulyaBenchmarkConfig());
