using Pulya.Routing;

namespace Pulya.Routing.Cached.Tests;

/// <summary>
/// Test helper: matches the same request <paramref name="times"/> times (so that a cache is filled and then hit) and
/// asserts every result, and its parameter ranges, equals the first; returns the last.
/// </summary>
internal sealed class RepeatedRouter(IRouter inner, int times) : IRouter
{
    public RouteTable Table => inner.Table;

    public RouteMatch Match(string method, string path, Span<Range> values)
    {
        var first = inner.Match(method, path, values);
        var firstValues = values.ToArray();
        var last = first;
        for (var i = 1; i < times; i++)
        {
            values.Fill(new Range(99, 99));
            last = inner.Match(method, path, values);

            Assert.Equal(first, last);
            if (first.Kind == RouteMatchKind.Found)
            {
                var count = first.Route!.Template.ParameterNames.Count;
                Assert.Equal(firstValues[..count], values[..count].ToArray());
            }
        }

        return last;
    }
}
