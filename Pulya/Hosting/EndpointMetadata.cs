namespace Pulya.Hosting;

/// <summary>The one implementation of <c>WithMetadata</c> behind routes and groups.</summary>
internal static class EndpointMetadata
{
    public static void Add(RouteRegistry registry, List<object> metadata, object[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (Array.IndexOf(items, null) >= 0)
        {
            throw new ArgumentException("A metadata item cannot be null.", nameof(items));
        }

        registry.ThrowIfFrozen();
        metadata.AddRange(items);
    }
}
