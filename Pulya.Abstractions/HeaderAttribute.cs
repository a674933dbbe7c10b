using Pulya.Http;

namespace Pulya;

/// <summary>Binds the parameter from a request header. A <c>string[]</c> or <c>StringValues</c> parameter receives every value.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class HeaderAttribute : Attribute
{
    /// <summary>Binds from the header <paramref name="name"/>.</summary>
    public HeaderAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The header name (case-insensitive).</summary>
    public string Name { get; }

    /// <summary>What to do when the header has several values; null means <see cref="PulyaOptions.HeaderStrategy"/>.</summary>
    public HeaderStrategy Strategy { get => _strategy ?? HeaderStrategy.First; set => _strategy = value; }

    /// <summary>Whether <see cref="Strategy"/> was set explicitly.</summary>
    public bool HasStrategy => _strategy.HasValue;

    private HeaderStrategy? _strategy;
}
