namespace Pulya;

/// <summary>
/// Binds the parameter from a request cookie (the <c>Cookie</c> header), percent-decoded, converted like a query value.
/// The name is case-sensitive, as cookie names are; when a cookie is sent twice the first one binds.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class CookieAttribute : Attribute
{
    /// <summary>Binds from the cookie with the parameter's own name.</summary>
    public CookieAttribute()
    {
    }

    /// <summary>Binds from the cookie <paramref name="name"/>.</summary>
    public CookieAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The cookie name; null means the parameter's name.</summary>
    public string? Name { get; }
}
