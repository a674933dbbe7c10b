using System.Globalization;

namespace Pulya.Soak;

/// <summary>Command line of <c>Pulya.Soak run</c>.</summary>
internal sealed record SoakOptions(IReadOnlyList<string> Profiles, TimeSpan Duration, int Connections, double FloodShare, TimeSpan Interval, string Output)
{
    public const string Usage = """
        Pulya.Soak run [--profile baseline,optimized] [--duration 5m] [--connections 16] [--flood 0.3] [--interval 1s] [--out bench/results/soak]
          Starts the sample application (Pulya.Soak server, a child process on 127.0.0.1) per profile and drives it at
          saturation with every sample route plus a flood of distinct paths; samples memory; writes soak-{profile}.json/.md/.svg.
          Exit code 1 when a check fails: unexpected statuses, socket errors, memory growth over the second half >= 10%,
          route cache above its capacity.
        Pulya.Soak server [--urls http://127.0.0.1:PORT] [--Pulya:...]
          Runs the sample application with the GET /__soak/stats route only.
        """;

    public static SoakOptions Parse(string[] args)
    {
        var profiles = new List<string>();
        var duration = TimeSpan.FromMinutes(5);
        var connections = 16;
        var flood = 0.3;
        var interval = TimeSpan.FromSeconds(1);
        var output = Path.Combine("bench", "results", "soak");
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--profile":
                    profiles.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--duration":
                    duration = ParseDuration(Value());
                    break;
                case "--connections":
                    connections = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--flood":
                    flood = double.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--interval":
                    interval = ParseDuration(Value());
                    break;
                case "--out":
                    output = Value();
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }
        }

        if (connections is < 1 or > 1024 || flood is < 0 or > 1 || duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(24) || interval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Out of range: connections 1..1024, flood 0..1, duration up to 24h, interval > 0.\n{Usage}");
        }

        return new SoakOptions(profiles.Count == 0 ? ["baseline", "optimized"] : profiles, duration, connections, flood, interval, output);
    }

    /// <summary><c>90s</c>, <c>5m</c>, <c>1h</c>, or a TimeSpan (<c>00:05:00</c>).</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var number = text[..^1];
        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(double.Parse(number, CultureInfo.InvariantCulture)),
            'm' => TimeSpan.FromMinutes(double.Parse(number, CultureInfo.InvariantCulture)),
            'h' => TimeSpan.FromHours(double.Parse(number, CultureInfo.InvariantCulture)),
            _ => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
        };
    }
}
