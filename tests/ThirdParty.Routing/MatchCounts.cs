namespace ThirdParty.Routing;

/// <summary>How many matches the counted router answered, by kind.</summary>
public sealed class MatchCounts
{
    private long _found;
    private long _notFound;
    private long _methodNotAllowed;

    /// <summary>Matches that found a route.</summary>
    public long Found => Volatile.Read(ref _found);

    /// <summary>Matches that found no route (404).</summary>
    public long NotFound => Volatile.Read(ref _notFound);

    /// <summary>Matches whose path matched with another method (405).</summary>
    public long MethodNotAllowed => Volatile.Read(ref _methodNotAllowed);

    internal void Add(Pulya.Routing.RouteMatchKind kind)
    {
        switch (kind)
        {
            case Pulya.Routing.RouteMatchKind.Found:
                Interlocked.Increment(ref _found);
                break;
            case Pulya.Routing.RouteMatchKind.MethodNotAllowed:
                Interlocked.Increment(ref _methodNotAllowed);
                break;
            default:
                Interlocked.Increment(ref _notFound);
                break;
        }
    }
}
