using Pulya.BenchCompare;

// Compares BenchmarkDotNet full-JSON results against stored baselines (see CompareCommand for the exit codes).
//   dotnet run -c Release --project bench/Pulya.BenchCompare -- --baseline bench/baselines --current BenchmarkDotNet.Artifacts/results [--thresholds bench/thresholds.json] [--markdown report.md]
return await CompareCommand.RunAsync(args, Console.Out, Console.Error);
