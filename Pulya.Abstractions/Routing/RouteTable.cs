using System.Collections.ObjectModel;
using System.Text;

namespace Pulya.Routing;

/// <summary>
/// The complete, frozen list of routes, from which a router is built once at start-up. The table is where conflicts are
/// refused, once for every router: two routes of one method with the same shape (only parameter names differ) can never
/// be told apart, whatever the router.
/// </summary>
public sealed class RouteTable
{
    /// <summary>Creates the table; each entry's <see cref="RouteEntry.Order"/> becomes its index.</summary>
    /// <exception cref="ArgumentException">An entry already belongs to another table.</exception>
    /// <exception cref="RouteConflictException">Two routes of the same method have the same shape; the message names both.</exception>
    public RouteTable(IEnumerable<RouteEntry> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var list = routes.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].Order != -1 && list[i].Order != i)
            {
                throw new ArgumentException($"The route '{list[i]}' already belongs to another route table.", nameof(routes));
            }
        }

        RefuseConflicts(list);
        var max = 0;
        for (var i = 0; i < list.Length; i++)
        {
            list[i].Order = i;
            max = Math.Max(max, list[i].Template.ParameterNames.Count);
        }

        Routes = new ReadOnlyCollection<RouteEntry>(list);
        ByPrecedence = new ReadOnlyCollection<RouteEntry>([.. list.Order(Comparer<RouteEntry>.Create((a, b) => RoutePrecedence.Compare(a.Template, b.Template)))]);
        MaxParameterCount = max;
    }

    /// <summary>The routes in registration order.</summary>
    public IReadOnlyList<RouteEntry> Routes { get; }

    /// <summary>
    /// The routes in <see cref="RoutePrecedence"/> order (most specific first; registration order among equals): the first
    /// route of the request's method in this list that matches a path is the route every router must answer with.
    /// </summary>
    public IReadOnlyList<RouteEntry> ByPrecedence { get; }

    /// <summary>The largest number of parameters of any route: the length of the span a caller passes to <see cref="IRouter.Match"/>.</summary>
    public int MaxParameterCount { get; }

    private static void RefuseConflicts(RouteEntry[] routes)
    {
        var seen = new Dictionary<string, RouteEntry>(StringComparer.Ordinal);
        var key = new StringBuilder();
        foreach (var route in routes)
        {
            key.Clear().Append(route.Method);
            foreach (var segment in route.Template.Segments)
            {
                // Segments never contain '/', so it separates them; the kind letter keeps a literal apart from a parameter.
                key.Append('/').Append(segment.Kind switch
                {
                    RouteSegmentKind.Literal => "L" + segment.Value,
                    RouteSegmentKind.CatchAll => "C",
                    _ => "P" + segment.Constraint.Text,
                });
            }

            if (!seen.TryAdd(key.ToString(), route))
            {
                throw new RouteConflictException(
                    $"The routes '{seen[key.ToString()]}' and '{route}' can never be told apart: same method and same shape " +
                    "(only parameter names differ). Remove one of them or change its shape.");
            }
        }
    }
}
