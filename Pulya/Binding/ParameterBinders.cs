using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Pulya.Http;
using Pulya.Pipeline;

namespace Pulya.Binding;

/// <summary>The per-parameter binding steps the compiled invokers call; everything they need is a constant chosen at start-up.</summary>
internal static class ParameterBinders
{
    public static T Route<T>(PulyaContext context, int index, string name, SpanParser<T> parser) =>
        parser(context.RouteSpan(index), out var value) ? value : throw Invalid("route value", name, typeof(T));

    public static string RouteString(PulyaContext context, int index) => context.RouteSpan(index).ToString();

    public static T Query<T>(PulyaContext context, string key, SpanParser<T> parser, bool required, T defaultValue)
    {
        var values = context.GetQuery(key);
        if (values.Count == 0)
        {
            return required ? throw Missing("query parameter", key) : defaultValue;
        }

        // A repeated key binds its first value; declare string[] or StringValues to receive all of them.
        return parser(values[0], out var value) ? value : throw Invalid("query parameter", key, typeof(T));
    }

    public static string[] QueryAll(PulyaContext context, string key) => context.GetQuery(key).ToArray()!;

    public static StringValues QueryValues(PulyaContext context, string key) => context.GetQuery(key);

    public static T Header<T>(PulyaContext context, string name, HeaderStrategy strategy, SpanParser<T> parser, bool required, T defaultValue)
    {
        var text = context.Headers.Get(name, strategy);
        if (text is null)
        {
            return required ? throw Missing("header", name) : defaultValue;
        }

        return parser(text, out var value) ? value : throw Invalid("header", name, typeof(T));
    }

    public static string[] HeaderAll(PulyaContext context, string name) => context.Headers.GetList(name).ToArray()!;

    public static StringValues HeaderValues(PulyaContext context, string name) => context.Headers.GetList(name);

    public static T Body<T>(PulyaContext context) => context.BodyValue is T value ? value : default!;

    public static T Service<T>(PulyaContext context)
        where T : notnull => context.Services.GetRequiredService<T>();

    public static T? OptionalService<T>(PulyaContext context) => context.Services.GetService<T>();

    private static BadRequestException Missing(string kind, string name) => new($"The {kind} '{name}' is required.");

    private static BadRequestException Invalid(string kind, string name, Type type) =>
        new($"The {kind} '{name}' is not a valid {Describe(Nullable.GetUnderlyingType(type) ?? type)}.");

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) => "32-bit integer",
        _ when type == typeof(long) => "64-bit integer",
        _ when type == typeof(Guid) => "GUID",
        _ when type == typeof(bool) => "boolean (true or false)",
        _ when type == typeof(double) => "number",
        _ when type == typeof(decimal) => "decimal number",
        _ => type.Name + " value (one of: " + string.Join(", ", Enum.GetNames(type)) + ")",
    };
}
