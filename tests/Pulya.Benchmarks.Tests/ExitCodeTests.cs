using BenchmarkDotNet.Attributes;

namespace Pulya.Benchmarks.Tests;

/// <summary>The benchmark runner's exit code, which is what CI acts on: a failed benchmark must fail the run.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly string _artifacts = Path.Combine(Path.GetTempPath(), "pulya-benchmarks-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_artifacts))
        {
            Directory.Delete(_artifacts, recursive: true);
        }
    }

    [Fact]
    public void A_suite_whose_benchmarks_pass_exits_0()
    {
        Assert.Equal(0, Run(nameof(PassingSuite)));
    }

    [Fact]
    public void A_failed_setup_check_exits_1()
    {
        Assert.Equal(1, Run(nameof(FailingSetupSuite)));
    }

    [Fact]
    public void A_benchmark_that_throws_exits_1()
    {
        Assert.Equal(1, Run(nameof(ThrowingBenchmarkSuite)));
    }

    private int Run(string suite) =>
        BenchmarkProgram.Run(["--filter", $"*{suite}*", "--job", "dry", "--inProcess", "--artifacts", _artifacts], typeof(ExitCodeTests).Assembly);
}

public class PassingSuite
{
    [Benchmark]
    public int Add() => Environment.ProcessorCount + 1;
}

public class FailingSetupSuite
{
    [GlobalSetup]
    public void Setup() => SetupCheck.That(false, "routes found: 0 of 203");

    [Benchmark]
    public int Add() => Environment.ProcessorCount + 1;
}

public class ThrowingBenchmarkSuite
{
    [Benchmark]
    public int Throw() => throw new InvalidOperationException("wrong answer");
}
