namespace Pulya.AspNetCore;

/// <summary>
/// Endpoint metadata: requests matched to the route skip the ASP.NET Core bridge altogether (no <c>HttpContext</c>, no
/// ASP.NET Core middleware), as if the application did not use it. Added by <see cref="AspNetCoreEndpointExtensions.SkipAspNetCore{TBuilder}"/>.
/// </summary>
public sealed class SkipAspNetCoreMetadata
{
    /// <summary>The one instance.</summary>
    public static SkipAspNetCoreMetadata Instance { get; } = new();

    private SkipAspNetCoreMetadata()
    {
    }
}
