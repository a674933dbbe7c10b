namespace Pulya.Routing;

/// <summary>A route template is malformed; thrown at start-up when the route is registered.</summary>
public sealed class RouteTemplateException : FormatException
{
    /// <summary>Creates the exception for <paramref name="template"/>.</summary>
    public RouteTemplateException(string template, string reason)
        : base($"Invalid route template '{template}': {reason}")
    {
        Template = template;
    }

    /// <summary>The template that failed to parse.</summary>
    public string Template { get; }
}
