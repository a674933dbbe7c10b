using System.Globalization;

namespace Pulya.Advisor;

/// <summary>The command line of <c>dotnet pulya advise</c>.</summary>
internal sealed class AdvisorOptions
{
    public const string Usage = """
        Pulya advisor: measures which of Pulya's modules make your application faster.

        dotnet pulya advise --project PATH [options]

          --project PATH         the application's project file or folder (built in Release unless --no-build)
          --requests FILE        recorded requests, one JSON object a line: {"method":"POST","path":"/x","headers":{…},"body":…}
          --access-log FILE      an access log in Common or Combined Log Format (method and path of each line)
          --routes               also one request per route of the application's route table (the default when
                                 neither --requests nor --access-log is given)
          --only a,b,...         only these switches (Router, Serializer, Binder, PoolProvider, a section name such
                                 as RouteCache or Pooling, or a value such as Trie)
          --all-combinations     measure every combination of the registered modules, not one switch at a time
          --rounds N             interleaved rounds (default: 3)
          --duration S           seconds measured per candidate and round (default: 5)
          --warmup S             seconds of load before each measured run, discarded (default: 2)
          --connections N        connections (default: 32)
          --counters on|off      read allocated bytes over EventPipe (default: on)
          --counter-interval S   EventCounter interval in seconds (default: 1)
          --app-args "ARGS"      more arguments for the application, separated by spaces
          --output DIR           report folder (default: pulya-advisor/<UTC timestamp>)
          --no-build             use the existing Release build
        """;

    public string Command { get; private set; } = "";

    public string? Project { get; private set; }

    public string? RequestsFile { get; private set; }

    public string? AccessLog { get; private set; }

    public bool Routes { get; private set; }

    public IReadOnlySet<string>? Only { get; private set; }

    public bool AllCombinations { get; private set; }

    public int Rounds { get; private set; } = 3;

    public double Duration { get; private set; } = 5;

    public double Warmup { get; private set; } = 2;

    public int Connections { get; private set; } = 32;

    public bool Counters { get; private set; } = true;

    public double CounterInterval { get; private set; } = 1;

    public IReadOnlyList<string> AppArguments { get; private set; } = [];

    public string? Output { get; private set; }

    public bool Build { get; private set; } = true;

    public bool Help { get; private set; }

    /// <exception cref="ArgumentException">An unknown option, a missing or invalid value.</exception>
    public static AdvisorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AdvisorOptions();
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            options.Help = true;
            return options;
        }

        options.Command = args[0];
        if (options.Command != "advise")
        {
            throw new ArgumentException($"Unknown command '{args[0]}'. Commands: advise.");
        }

        for (var i = 1; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            double Seconds(string name)
            {
                var text = Value();
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                    ? value
                    : throw new ArgumentException($"{name}: '{text}' is not a positive number of seconds.");
            }

            int Count(string name, int min)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
                    ? value
                    : throw new ArgumentException($"{name}: '{text}' is not a whole number of at least {min}.");
            }

            switch (args[i])
            {
                case "--project": options.Project = Value(); break;
                case "--requests": options.RequestsFile = Value(); break;
                case "--access-log": options.AccessLog = Value(); break;
                case "--routes": options.Routes = true; break;
                case "--only": options.Only = new HashSet<string>(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase); break;
                case "--all-combinations": options.AllCombinations = true; break;
                case "--rounds": options.Rounds = Count("--rounds", 1); break;
                case "--duration": options.Duration = Seconds("--duration"); break;
                case "--warmup": options.Warmup = Seconds("--warmup"); break;
                case "--connections": options.Connections = Count("--connections", 1); break;
                case "--counters":
                    var counters = Value();
                    options.Counters = counters switch
                    {
                        "on" => true,
                        "off" => false,
                        _ => throw new ArgumentException($"--counters: '{counters}' is not on or off."),
                    };
                    break;
                case "--counter-interval": options.CounterInterval = Seconds("--counter-interval"); break;
                case "--app-args": options.AppArguments = Value().Split(' ', StringSplitOptions.RemoveEmptyEntries); break;
                case "--output": options.Output = Value(); break;
                case "--no-build": options.Build = false; break;
                case "-h" or "--help": options.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. See dotnet pulya --help.");
            }
        }

        if (!options.Help && options.Project is null)
        {
            throw new ArgumentException("--project is required: the application's project file or folder.");
        }

        options.Routes |= options.RequestsFile is null && options.AccessLog is null;
        return options;
    }
}
