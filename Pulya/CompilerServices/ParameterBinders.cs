using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Pulya.Binding;
using Pulya.Http;
using Pulya.Pipeline;

namespace Pulya.CompilerServices;

/// <summary>
/// The per-parameter binding steps every endpoint binder calls: the runtime-compiled bindings and the source-generated
/// ones call these same functions, so conversions and 400 messages are identical. Not meant for application code.
/// </summary>
/// <remarks>The <see cref="PulyaRequest"/> passed in must be the one the pipeline handed to the binding.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ParameterBinders
{
    /// <summary>Converts the route value at <paramref name="index"/>; a value that does not convert is a 400 naming <paramref name="name"/>.</summary>
    public static T Route<T>(PulyaRequest request, int index, string name, SpanParser<T> parser) =>
        parser(Context(request).RouteSpan(index), out var value) ? value : throw Invalid("route value", name, typeof(T));

    /// <summary>The route value at <paramref name="index"/> as a string.</summary>
    public static string RouteString(PulyaRequest request, int index) => Context(request).RouteSpan(index).ToString();

    /// <summary>Converts the first value of the query key <paramref name="key"/>; absent: 400 when <paramref name="required"/>, else <paramref name="defaultValue"/>.</summary>
    public static T Query<T>(PulyaRequest request, string key, SpanParser<T> parser, bool required, T defaultValue)
    {
        var values = request.GetQuery(key);
        if (values.Count == 0)
        {
            return required ? throw Missing("query parameter", key) : defaultValue;
        }

        // A repeated key binds its first value; declare string[] or StringValues to receive all of them.
        return parser(values[0], out var value) ? value : throw Invalid("query parameter", key, typeof(T));
    }

    /// <summary>Every value of the query key <paramref name="key"/> (empty when absent).</summary>
    public static string[] QueryAll(PulyaRequest request, string key) => request.GetQuery(key).ToArray()!;

    /// <summary>Every value of the query key <paramref name="key"/> (empty when absent).</summary>
    public static StringValues QueryValues(PulyaRequest request, string key) => request.GetQuery(key);

    /// <summary>Converts the header <paramref name="name"/> reduced to one value by <paramref name="strategy"/>; absent: 400 when <paramref name="required"/>, else <paramref name="defaultValue"/>.</summary>
    public static T Header<T>(PulyaRequest request, string name, HeaderStrategy strategy, SpanParser<T> parser, bool required, T defaultValue)
    {
        var text = request.Headers.Get(name, strategy);
        if (text is null)
        {
            return required ? throw Missing("header", name) : defaultValue;
        }

        return parser(text, out var value) ? value : throw Invalid("header", name, typeof(T));
    }

    /// <summary>Every value of the header <paramref name="name"/> (empty when absent).</summary>
    public static string[] HeaderAll(PulyaRequest request, string name) => request.Headers.GetList(name).ToArray()!;

    /// <summary>Every value of the header <paramref name="name"/> (empty when absent).</summary>
    public static StringValues HeaderValues(PulyaRequest request, string name) => request.Headers.GetList(name);

    /// <summary>The deserialized request body (read by the pipeline before the binding runs), or the default when there was none.</summary>
    public static T Body<T>(PulyaRequest request) => Context(request).BodyValue is T value ? value : default!;

    /// <summary>A required service from the request's scope.</summary>
    public static T Service<T>(PulyaRequest request)
        where T : notnull => request.Services.GetRequiredService<T>();

    /// <summary>An optional service from the request's scope; null when not registered.</summary>
    public static T? OptionalService<T>(PulyaRequest request) => request.Services.GetService<T>();

    private static PulyaContext Context(PulyaRequest request) => (PulyaContext)request;

    private static BadRequestException Missing(string kind, string name) => new($"The {kind} '{name}' is required.");

    private static BadRequestException Invalid(string kind, string name, Type type) =>
        new($"The {kind} '{name}' is not a valid {Describe(Nullable.GetUnderlyingType(type) ?? type)}.");

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) => "32-bit integer",
        _ when type == typeof(long) => "64-bit integer",
        _ when type == typeof(short) => "16-bit integer",
        _ when type == typeof(sbyte) => "8-bit integer",
        _ when type == typeof(byte) => "8-bit unsigned integer",
        _ when type == typeof(ushort) => "16-bit unsigned integer",
        _ when type == typeof(uint) => "32-bit unsigned integer",
        _ when type == typeof(ulong) => "64-bit unsigned integer",
        _ when type == typeof(Guid) => "GUID",
        _ when type == typeof(bool) => "boolean (true or false)",
        _ when type == typeof(double) || type == typeof(float) => "number",
        _ when type == typeof(decimal) => "decimal number",
        _ when type == typeof(char) => "single character",
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "date and time (e.g. 2026-01-31T13:45:00Z)",
        _ when type == typeof(DateOnly) => "date (e.g. 2026-01-31)",
        _ when type == typeof(TimeOnly) => "time of day (e.g. 13:45:00)",
        _ when type == typeof(TimeSpan) => "time span (e.g. 01:30:00)",
        _ when type.IsEnum => type.Name + " value (one of: " + string.Join(", ", Enum.GetNames(type)) + ")",
        _ => type.Name + " value",
    };
}
