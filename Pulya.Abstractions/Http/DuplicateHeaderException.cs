namespace Pulya.Http;

/// <summary>A header expected once arrived with several values under <see cref="HeaderStrategy.Forbid"/>; answered with 400.</summary>
public sealed class DuplicateHeaderException : Exception
{
    /// <summary>Creates the exception for the header <paramref name="name"/>.</summary>
    public DuplicateHeaderException(string name, int count)
        : base($"The header '{name}' must have one value but has {count}.")
    {
        Name = name;
        Count = count;
    }

    /// <summary>The header's name.</summary>
    public string Name { get; }

    /// <summary>How many values arrived.</summary>
    public int Count { get; }
}
