using Microsoft.Extensions.Configuration;

namespace Pulya.LoadTest;

/// <summary>
/// A server under test: the Pulya sample under one profile of <c>bench/profiles/</c>, or a peer. A profile file is
/// configuration in appsettings shape, read with the JSON configuration provider; its <c>Pulya</c> and <c>Sample</c>
/// sections become <c>--Pulya:Key=Value</c> (<c>--Sample:…</c>) arguments and <c>Description</c> describes it.
/// </summary>
internal sealed record ServerSpec(string Name, string Kind, string Project, string Assembly, IReadOnlyList<string> Arguments, string Description)
{
    public const string MinimalApi = "minimal-api";
    public const string RawKestrel = "raw-kestrel";
    public const string ProfileKind = "profile";
    public const string PeerKind = "peer";

    public static ServerSpec Peer(string root, string name) => name switch
    {
        MinimalApi => new(name, PeerKind, Path.Combine(root, "bench", "Pulya.Peers.MinimalApi"), "Pulya.Peers.MinimalApi.dll", [], "ASP.NET Core Minimal APIs"),
        RawKestrel => new(name, PeerKind, Path.Combine(root, "bench", "Pulya.Peers.RawKestrel"), "Pulya.Peers.RawKestrel.dll", [], "raw Kestrel IHttpApplication, hand-written dispatch"),
        _ => throw new ArgumentException($"Unknown peer '{name}'. Peers: {MinimalApi}, {RawKestrel}.", nameof(name)),
    };

    public static ServerSpec Profile(string root, string file)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false).Build();
        var unknown = configuration.GetChildren().Select(c => c.Key).Where(k => k is not ("Description" or "Pulya" or "Sample")).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{file}: a profile holds 'Description' and the 'Pulya' and 'Sample' sections only, not {string.Join(", ", unknown)}.");
        }

        var arguments = configuration.GetSection("Pulya").AsEnumerable(makePathsRelative: false)
            .Concat(configuration.GetSection("Sample").AsEnumerable(makePathsRelative: false))
            .Where(kv => kv.Value is not null)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"--{kv.Key}={kv.Value}")
            .ToList();
        return new(Path.GetFileNameWithoutExtension(file), ProfileKind, Path.Combine(root, "samples", "Pulya.Sample"), "Pulya.Sample.dll", arguments, configuration["Description"] ?? "");
    }

    public string AssemblyPath => Path.Combine(Project, "bin", "Release", "net10.0", Assembly);
}
