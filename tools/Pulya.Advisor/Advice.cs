using System.Globalization;
using System.Text.Json;
using Pulya.Advisor.Candidates;
using Pulya.Advisor.Correctness;
using Pulya.Advisor.Hosting;
using Pulya.Advisor.Measuring;
using Pulya.Advisor.Mix;
using Pulya.Advisor.Reporting;

namespace Pulya.Advisor;

/// <summary>
/// One advice run: discover the application's modules and routes, build the mix, check every candidate answers as the
/// defaults do, measure the candidates that do (one switch at a time, then the winners together), decide by the noise
/// rule, and write <c>advice.md</c>, <c>advice.json</c> and <c>advice.svg</c>. Exit code 0 with usable figures, 1 when
/// figures are missing or unusable, 2 when the run could not start.
/// </summary>
internal static class Advice
{
    public static async Task<int> RunAsync(AdvisorOptions options, Application application, ILoadClient client, TextWriter log, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var output = Path.GetFullPath(options.Output ?? Path.Combine("pulya-advisor", started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        var work = Path.Combine(Path.GetTempPath(), $"pulya-advisor-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var runner = new AdvisorRunner(options, application, client, log);
        try
        {
            var table = await runner.DiscoverAsync(work);
            var mix = new List<MixRequest>();
            if (options.Routes)
            {
                mix.AddRange(table.Requests());
            }

            if (options.RequestsFile is { } requests)
            {
                mix.AddRange(RecordedRequests.Parse(requests, await File.ReadAllLinesAsync(requests, cancellationToken)));
            }

            if (options.AccessLog is { } accessLog)
            {
                mix.AddRange(RecordedRequests.ParseAccessLog(accessLog, await File.ReadAllLinesAsync(accessLog, cancellationToken)));
            }

            if (mix.Count == 0)
            {
                throw new InvalidDataException("The request mix is empty: the application maps no route and no file gave requests.");
            }

            var baseline = await runner.BaselineAsync(mix, cancellationToken);
            var timed = baseline.Timed;
            log.WriteLine($"Mix: {mix.Count} request(s), {timed.Count} answered 2xx by the defaults and timed.");
            if (timed.Count == 0)
            {
                throw new InvalidDataException("The defaults answered no request of the mix with 2xx: nothing to time (give --requests with the headers your routes need).");
            }

            var candidates = options.AllCombinations ? CandidatePlanner.Product(table, options.Only) : CandidatePlanner.Singles(table, options.Only);
            var checks = new List<CheckOutcome>();
            var passing = new List<Candidate>();
            foreach (var candidate in candidates)
            {
                var check = await CheckAsync(runner, candidate, baseline, log, cancellationToken);
                checks.Add(check);
                if (check.Passed)
                {
                    passing.Add(candidate);
                }
            }

            log.WriteLine($"Measuring {passing.Count + 1} candidate(s) × {options.Rounds} round(s), {options.Duration} s each after {options.Warmup} s warm-up:");
            await runner.MeasureAsync(1, [Candidate.Defaults, .. passing], timed, work, cancellationToken);
            var verdict = Recommendation.Decide(CandidateSummary.Of(runner.Samples));
            if (verdict.Winners.Count >= 2 && !options.AllCombinations && runner.Problems.Count == 0)
            {
                var winners = passing.Where(c => verdict.Winners.Contains(c.Name)).ToList();
                var combination = Candidate.Combine(winners);
                var check = await CheckAsync(runner, combination, baseline, log, cancellationToken);
                checks.Add(check);
                if (check.Passed)
                {
                    log.WriteLine($"The winners together ({combination.Name}):");
                    await runner.MeasureAsync(2, [Candidate.Defaults, combination, .. winners], timed, work, cancellationToken);
                    passing.Add(combination);
                }
            }

            var summaries = CandidateSummary.Of(runner.Samples);
            verdict = runner.Problems.Count > 0
                ? new Verdict([], null, "no recommendation: the figures of this run cannot be used")
                : Recommendation.Decide(AdvisorReport.Final(summaries));
            var recommended = passing.FirstOrDefault(c => c.Name == verdict.Recommended) ?? Candidate.Defaults;
            var results = new AdvisorResults(
                started,
                new Dictionary<string, string>
                {
                    ["application"] = Path.GetRelativePath(Directory.GetCurrentDirectory(), application.Assembly),
                    ["rounds"] = options.Rounds.ToString(CultureInfo.InvariantCulture),
                    ["duration s"] = options.Duration.ToString(CultureInfo.InvariantCulture),
                    ["warm-up s"] = options.Warmup.ToString(CultureInfo.InvariantCulture),
                    ["connections"] = options.Connections.ToString(CultureInfo.InvariantCulture),
                    ["client"] = client.Name,
                    ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
                },
                [.. mix.Select((m, i) => new MixEntry(m.Source, m.Label, baseline.Answers[i].Status, timed.Contains(m), baseline.Varies(i)))],
                checks,
                runner.Samples,
                summaries,
                verdict,
                runner.Problems,
                AdvisorReport.Snippet(recommended));

            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "advice.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(output, "advice.svg"), AdvisorReport.Chart(results), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(output, "advice.md"), AdvisorReport.Markdown(results, "advice.svg"), cancellationToken);
            foreach (var problem in runner.Problems)
            {
                log.WriteLine("FAILED: " + problem);
            }

            log.WriteLine();
            log.Write(AdvisorReport.ConsoleTable(AdvisorReport.Final(summaries)));
            log.WriteLine();
            log.WriteLine($"Recommendation: {verdict.Text}.");
            if (verdict.Recommended is not null)
            {
                log.WriteLine("appsettings.json:");
                log.WriteLine(results.Snippet);
            }

            log.WriteLine($"Wrote {Path.Combine(output, "advice.md")}, advice.json and advice.svg.");
            return runner.Problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static async Task<CheckOutcome> CheckAsync(AdvisorRunner runner, Candidate candidate, Baseline baseline, TextWriter log, CancellationToken cancellationToken)
    {
        var check = await runner.CheckAsync(candidate, baseline, cancellationToken);
        log.WriteLine(check.Passed
            ? $"  check {candidate.Name}: same answers as the defaults"
            : $"  check {candidate.Name}: EXCLUDED — {check.Differences.Count} answer(s) differ, e.g. {check.Differences[0]}");
        return check;
    }
}
