using System.Collections.ObjectModel;

namespace Pulya.Routing;

/// <summary>The complete, frozen list of routes in registration order, from which a router is built once at start-up.</summary>
public sealed class RouteTable
{
    /// <summary>Creates the table; each entry's <see cref="RouteEntry.Order"/> becomes its index.</summary>
    /// <exception cref="ArgumentException">An entry already belongs to another table.</exception>
    public RouteTable(IEnumerable<RouteEntry> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var list = routes.ToArray();
        var max = 0;
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].Order != -1 && list[i].Order != i)
            {
                throw new ArgumentException($"The route '{list[i]}' already belongs to another route table.", nameof(routes));
            }

            list[i].Order = i;
            max = Math.Max(max, list[i].Template.ParameterNames.Count);
        }

        Routes = new ReadOnlyCollection<RouteEntry>(list);
        MaxParameterCount = max;
    }

    /// <summary>The routes in registration order.</summary>
    public IReadOnlyList<RouteEntry> Routes { get; }

    /// <summary>The largest number of parameters of any route: the length of the span a caller passes to <see cref="IRouter.Match"/>.</summary>
    public int MaxParameterCount { get; }
}
