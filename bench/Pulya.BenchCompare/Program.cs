using Pulya.BenchCompare;

// Compares BenchmarkDotNet full-JSON results against stored baselines (see CompareCommand for the exit codes), and
// slims reports to what the comparison reads (--slim, used by bench/record-baselines.sh for bench/baselines/).
//   dotnet run -c Release --project bench/Pulya.BenchCompare -- --baseline bench/baselines --current BenchmarkDotNet.Artifacts/results [--thresholds bench/thresholds.json] [--markdown report.md]
return await CompareCommand.RunAsync(args, Console.Out, Console.Error);
