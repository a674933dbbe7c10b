using Pulya.Http;

namespace Pulya.Sample.Aot;

public sealed record SuccessResult(bool Success);

public sealed record Wiring(string Test, string User, string Name, string? Example);

public sealed record DynamicResult(string Id, string Another, int Route);

public sealed record CountResult(int Count, bool Cancellable);

public enum Shade
{
    Light,
    Dark,
}

/// <summary>Enums, arrays, nullable values and dictionaries in a body: JSON metadata generated all the same.</summary>
public sealed record Palette(Shade Main, Shade[] Others, int? Weight, Dictionary<string, Shade> ByName);

public sealed class EchoBody
{
    public List<EchoItem> Items { get; set; } = [];
}

public sealed class EchoItem
{
    public string? A { get; set; }

    public string? B { get; set; }
}

/// <summary>A scoped service that reads the current request.</summary>
public sealed class UserService(PulyaRequest request)
{
    public string Describe() => $"<User {request.Path}>";
}

/// <summary>A singleton: the generated binding resolves it once.</summary>
public sealed class Counter
{
    private int _value;

    public int Next() => Interlocked.Increment(ref _value);
}
