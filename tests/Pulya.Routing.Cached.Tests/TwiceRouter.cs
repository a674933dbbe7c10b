using Pulya.Routing;

namespace Pulya.Routing.Cached.Tests;

/// <summary>Test helper: matches twice and asserts the second result (and its parameter ranges) equals the first.</summary>
internal sealed class TwiceRouter(IRouter inner) : IRouter
{
    public RouteTable Table => inner.Table;

    public RouteMatch Match(string method, string path, Span<Range> values)
    {
        var first = inner.Match(method, path, values);
        var firstValues = values.ToArray();
        values.Fill(new Range(99, 99));
        var second = inner.Match(method, path, values);

        Assert.Equal(first, second);
        if (first.Kind == RouteMatchKind.Found)
        {
            var count = first.Route!.Template.ParameterNames.Count;
            Assert.Equal(firstValues[..count], values[..count].ToArray());
        }

        return second;
    }
}
