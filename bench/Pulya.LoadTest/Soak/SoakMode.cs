using System.Globalization;

namespace Pulya.LoadTest.Soak;

/// <summary><c>--soak</c>: one soak per selected profile, one after the other; exit code 1 when any check of any profile fails.</summary>
internal static class SoakMode
{
    public static async Task<int> RunAsync(string root, LoadTestOptions options, IReadOnlyList<ServerSpec> servers)
    {
        var output = options.Output ?? Path.Combine(root, "bench", "results", "soak-" + DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var failed = new List<string>();
        foreach (var server in servers)
        {
            var result = await SoakRunner.RunAsync(server, options, cancel.Token);
            SoakReport.Write(result, output);
            if (!result.Passed)
            {
                failed.Add(server.Name + ": " + string.Join(", ", result.Checks.Where(c => !c.Passed).Select(c => c.Check)));
            }
        }

        foreach (var failure in failed)
        {
            Console.Error.WriteLine("SOAK FAILED: " + failure);
        }

        Console.WriteLine($"Soak results in {output}.");
        return failed.Count == 0 ? 0 : 1;
    }
}
