namespace Pulya.Peers.MinimalApi;

internal sealed record SuccessResult(bool Success);

internal sealed record Wiring(string Test, string User, string Name, string[][] Headers);

internal sealed record HelloMessage(string Message);

internal sealed record User(int Id, string Name);

internal sealed record DynamicResult(string Id, string Another, int Route);

internal sealed class EchoBody
{
    public List<EchoItem> Items { get; set; } = [];
}

internal sealed class EchoItem
{
    public string? A { get; set; }
    public string? B { get; set; }
    public string? C { get; set; }
    public string? D { get; set; }
    public string? E { get; set; }
    public string? F { get; set; }
    public string? G { get; set; }
}

/// <summary>A scoped service that reads the current request, as the sample's UserService does.</summary>
internal sealed class UserService(IHttpContextAccessor accessor)
{
    public string Describe() => $"<User {accessor.HttpContext?.Request.Path}>";
}
