using Pulya.Routing;

namespace ThirdParty.Routing;

/// <summary>Creates the <see cref="SegmentRouter"/>; registered under <see cref="Name"/>.</summary>
public sealed class SegmentRouterFactory : IRouterFactory
{
    /// <summary>The name the router is registered under, and selected by with <c>Pulya:Router=Segments</c>.</summary>
    public const string Name = "Segments";

    /// <inheritdoc />
    public IRouter Create(RouteTable table) => new SegmentRouter(table);
}
