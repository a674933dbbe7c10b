namespace Pulya;

/// <summary>Binds the parameter from the query string.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class QueryAttribute : Attribute
{
    /// <summary>Binds from the query key with the parameter's own name.</summary>
    public QueryAttribute()
    {
    }

    /// <summary>Binds from the query key <paramref name="name"/>.</summary>
    public QueryAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The query key; null means the parameter's name.</summary>
    public string? Name { get; }
}
