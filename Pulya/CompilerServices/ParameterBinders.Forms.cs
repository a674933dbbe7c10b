using Microsoft.Extensions.Primitives;
using Pulya.Http;

namespace Pulya.CompilerServices;

public static partial class ParameterBinders
{
    /// <summary>The request's form (read by the pipeline before the binding runs); empty when the request had none.</summary>
    public static PulyaForm Form(PulyaRequest request) => Context(request).BodyValue as PulyaForm ?? PulyaForm.Empty;

    /// <summary>Converts the first value of the form field <paramref name="key"/>; absent: 400 when <paramref name="required"/>, else <paramref name="defaultValue"/>.</summary>
    public static T FormField<T>(PulyaRequest request, string key, SpanParser<T> parser, bool required, T defaultValue)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var values = Form(request)[key];
        if (values.Count == 0)
        {
            return required ? throw Missing("form field", key) : defaultValue;
        }

        return parser(values[0], out var value) ? value : throw Invalid("form field", key, typeof(T));
    }

    /// <summary>Every value of the form field <paramref name="key"/> (empty when absent).</summary>
    public static string[] FormFieldAll(PulyaRequest request, string key) => Form(request)[key].ToArray()!;

    /// <summary>Every value of the form field <paramref name="key"/> (empty when absent).</summary>
    public static StringValues FormFieldValues(PulyaRequest request, string key) => Form(request)[key];

    /// <summary>The first file sent as <paramref name="name"/>; absent: 400 when <paramref name="required"/>, else null.</summary>
    public static PulyaFile? FormFile(PulyaRequest request, string name, bool required) =>
        Form(request).GetFile(name) ?? (required ? throw Missing("form file", name) : null);

    /// <summary>Every file sent as <paramref name="name"/> (empty when none).</summary>
    public static IReadOnlyList<PulyaFile> FormFiles(PulyaRequest request, string name) => Form(request).GetFiles(name);
}
