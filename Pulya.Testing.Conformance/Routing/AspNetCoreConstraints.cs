using System.Collections.Concurrent;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Routing;
using AspNetTemplateParser = Microsoft.AspNetCore.Routing.Template.TemplateParser;

namespace Pulya.Testing.Conformance.Routing;

/// <summary>
/// ASP.NET Core's own inline route constraints (<c>IntRouteConstraint</c>, <c>MinRouteConstraint</c>,
/// <c>RegexInlineRouteConstraint</c>...), resolved from a parameter's constraint text by ASP.NET Core's template parser and
/// constraint resolver: an oracle for what a segment matches that shares no code with Pulya's constraints. Where the two
/// differ on purpose (ASP.NET Core's <c>decimal</c> accepts group separators and whitespace, which Pulya's binders refuse),
/// the random tables avoid such values.
/// </summary>
public static class AspNetCoreConstraints
{
    private static readonly ConcurrentDictionary<string, IRouteConstraint[]> Resolved = new(StringComparer.Ordinal);
    private static readonly DefaultInlineConstraintResolver Resolver = CreateResolver();

    /// <summary>Whether ASP.NET Core's constraints equivalent to <paramref name="constraint"/> all accept <paramref name="segment"/>.</summary>
    public static bool IsMatch(RouteConstraint constraint, string segment)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        var values = new RouteValueDictionary { ["p"] = segment };
        return Resolved.GetOrAdd(constraint.Text, Resolve).All(c => c.Match(null, null, "p", values, RouteDirection.IncomingRequest));
    }

    private static IRouteConstraint[] Resolve(string text) => text.Length == 0 ? [] :
        [.. AspNetTemplateParser.Parse("{p:" + AspNetCorePrecedence.Escape(text) + "}").Parameters[0].InlineConstraints
            .Select(c => Resolver.ResolveConstraint(c.Constraint) ?? throw new InvalidOperationException($"ASP.NET Core has no constraint '{c.Constraint}'."))];

    private static DefaultInlineConstraintResolver CreateResolver()
    {
        var options = new RouteOptions();
        options.SetParameterPolicy<RegexInlineRouteConstraint>("regex");
        return new DefaultInlineConstraintResolver(Options.Create(options), new ServiceCollection().BuildServiceProvider());
    }
}
