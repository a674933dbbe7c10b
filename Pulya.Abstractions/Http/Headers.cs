using System.Collections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Pulya.Http;

/// <summary>
/// A view over the server's own header collection: nothing is copied and names are compared case-insensitively
/// by the server's dictionary (known headers by a switch on the name, others with an ordinal-ignore-case comparer),
/// so no lookup lower-cases a string. Several values per name are kept; <see cref="Get(string, HeaderStrategy)"/>
/// chooses among them with a <see cref="HeaderStrategy"/>.
/// </summary>
public sealed class Headers : IEnumerable<KeyValuePair<string, StringValues>>
{
    private IHeaderDictionary _inner;
    private ILogger? _logger;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The server's header collection.</param>
    /// <param name="defaultStrategy">The strategy of <see cref="Get(string)"/>. Defaults to <see cref="HeaderStrategy.First"/>.</param>
    /// <param name="logger">Where <see cref="HeaderStrategy.Warn"/> logs; without one the warning is dropped.</param>
    public Headers(IHeaderDictionary inner, HeaderStrategy defaultStrategy = HeaderStrategy.First, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        DefaultStrategy = defaultStrategy;
        _logger = logger;
    }

    /// <summary>The strategy used by <see cref="Get(string)"/>.</summary>
    public HeaderStrategy DefaultStrategy { get; private set; }

    /// <summary>The number of distinct header names.</summary>
    public int Count => _inner.Count;

    /// <summary>Whether the header is present.</summary>
    public bool Contains(string name) => _inner.ContainsKey(name);

    /// <summary>The single value of <paramref name="name"/> chosen by <see cref="DefaultStrategy"/>, or null when absent.</summary>
    public string? Get(string name) => Get(name, DefaultStrategy);

    /// <summary>The single value of <paramref name="name"/> chosen by <paramref name="strategy"/>, or null when absent.</summary>
    /// <exception cref="DuplicateHeaderException">Several values and <see cref="HeaderStrategy.Forbid"/>.</exception>
    public string? Get(string name, HeaderStrategy strategy)
    {
        var values = _inner[name];
        if (values.Count <= 1)
        {
            return values.Count == 0 ? null : values[0];
        }

        switch (strategy)
        {
            case HeaderStrategy.Last:
                return values[values.Count - 1];
            case HeaderStrategy.Warn:
                if (_logger is not null)
                {
                    LogDuplicate(_logger, name, values.Count);
                }

                return values[0];
            case HeaderStrategy.Forbid:
                throw new DuplicateHeaderException(name, values.Count);
            default:
                return values[0];
        }
    }

    /// <summary>All values of <paramref name="name"/> (empty when absent); a struct, no allocation.</summary>
    public StringValues GetList(string name) => _inner[name];

    /// <summary>Appends a value to <paramref name="name"/>, keeping those already there.</summary>
    public void Add(string name, string value) => _inner.Append(name, value);

    /// <summary>Replaces all values of <paramref name="name"/> with <paramref name="value"/>.</summary>
    public void Set(string name, string value) => _inner[name] = value;

    /// <summary>Replaces all values of <paramref name="name"/> with <paramref name="values"/>; an empty list removes the header.</summary>
    public void SetList(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = values.ToArray();
        if (array.Length == 0)
        {
            _inner.Remove(name);
        }
        else
        {
            _inner[name] = new StringValues(array);
        }
    }

    /// <summary>Removes the header; returns whether it was present.</summary>
    public bool Remove(string name) => _inner.Remove(name);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => _inner.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Points the instance at another request's header collection, so a host can reuse one instance per pooled request
    /// context instead of allocating one per request (the core does this for every request).
    /// </summary>
    /// <param name="inner">The server's request headers.</param>
    /// <param name="defaultStrategy">How a repeated header is read when the caller names no strategy.</param>
    /// <param name="logger">Where a rejected duplicate is logged; null logs nothing.</param>
    public void Attach(IHeaderDictionary inner, HeaderStrategy defaultStrategy, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        DefaultStrategy = defaultStrategy;
        _logger = logger;
    }

    private static void LogDuplicate(ILogger logger, string name, int count) =>
        logger.LogWarning("The header '{HeaderName}' has {Count} values where one was expected; the first is used.", name, count);
}
