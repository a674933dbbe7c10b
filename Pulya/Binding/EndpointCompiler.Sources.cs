using System.IO.Pipelines;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Extensions.Primitives;
using Pulya.CompilerServices;
using Pulya.Http;

namespace Pulya.Binding;

/// <summary>The request sources beyond route, query, header and body: the body as a stream, cookies and forms.</summary>
internal sealed partial class EndpointCompiler
{
    /// <summary>The binding of a body stream, cookie or form parameter; null when <paramref name="parameter"/> is none of them.</summary>
    private Expression? BindRequestSource(ParameterInfo parameter, Type type, string name, bool optional, ParameterExpression context, ref Type? bodyType)
    {
        if (type == typeof(Stream) || type == typeof(PipeReader))
        {
            ClaimBody(ref bodyType, typeof(Stream));
            var method = type == typeof(Stream) ? nameof(ParameterBinders.BodyStream) : nameof(ParameterBinders.BodyReader);
            return Call(method, null, context, Expression.Constant(options.MaxRequestBodySize));
        }

        if (parameter.GetCustomAttribute<CookieAttribute>() is { } cookie)
        {
            if (type == typeof(string[]) || type == typeof(StringValues))
            {
                throw new InvalidOperationException("a cookie binds one value; declare a simple type.");
            }

            return BindText(nameof(ParameterBinders.Cookie), type, cookie.Name ?? name, optional, parameter, context, null);
        }

        var form = parameter.GetCustomAttribute<FormAttribute>();
        if (form is null && type != typeof(PulyaForm) && type != typeof(PulyaFile))
        {
            return null;
        }

        ClaimBody(ref bodyType, typeof(PulyaForm));
        return BindFormValue(type, form?.Name ?? name, optional, parameter, context, model: true);
    }

    /// <summary>One form value: the whole form, a file, files, a field, or (when <paramref name="model"/>) a model built from fields and files.</summary>
    private Expression BindFormValue(Type type, string key, bool optional, ParameterInfo? parameter, ParameterExpression context, bool model)
    {
        if (type == typeof(PulyaForm))
        {
            return Call(nameof(ParameterBinders.Form), null, context);
        }

        if (type == typeof(PulyaFile))
        {
            return Call(nameof(ParameterBinders.FormFile), null, context, Expression.Constant(key), Expression.Constant(!optional));
        }

        if (type == typeof(IReadOnlyList<PulyaFile>))
        {
            return Call(nameof(ParameterBinders.FormFiles), null, context, Expression.Constant(key));
        }

        if (SpanParsers.IsSupported(type) || type == typeof(string[]) || type == typeof(StringValues))
        {
            if (parameter is not null)
            {
                return BindText(nameof(ParameterBinders.FormField), type, key, optional, parameter, context, null);
            }

            // A model's property: optional, keeps its type's default when the field is absent.
            return type == typeof(string[]) ? Call(nameof(ParameterBinders.FormFieldAll), null, context, Expression.Constant(key))
                : type == typeof(StringValues) ? Call(nameof(ParameterBinders.FormFieldValues), null, context, Expression.Constant(key))
                : Call(nameof(ParameterBinders.FormField), type, context, Expression.Constant(key), Parser(type), Expression.Constant(false), Expression.Default(type));
        }

        if (!model)
        {
            throw new InvalidOperationException($"{type.Name} cannot be bound from a form field; use a simple type, PulyaFile or IReadOnlyList<PulyaFile>.");
        }

        return BindFormModel(type, context);
    }

    /// <summary>
    /// A class or record built from the form: the parameters of its public constructor with the most parameters, then its
    /// settable properties not set by that constructor, each by name (case-insensitive). A property is optional; a
    /// constructor parameter is optional when it has a default or is nullable.
    /// </summary>
    private MemberInitExpression BindFormModel(Type type, ParameterExpression context)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor to bind a form to.");
        var parameters = constructor.GetParameters();
        var arguments = parameters.Select(p => BindFormMember(p.ParameterType, p.Name!, IsOptional(p), p, context, type));
        var bindings = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Where(p => !parameters.Any(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(p => Expression.Bind(p, BindFormMember(p.PropertyType, p.Name, true, null, context, type)));
        return Expression.MemberInit(Expression.New(constructor, arguments), bindings);
    }

    private Expression BindFormMember(Type type, string key, bool optional, ParameterInfo? parameter, ParameterExpression context, Type model)
    {
        try
        {
            return BindFormValue(type, key, optional, parameter, context, model: false);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{model.Name}.{key}: {ex.Message}", ex);
        }
    }

    private static void ClaimBody(ref Type? bodyType, Type claim)
    {
        if (bodyType is not null && bodyType != claim)
        {
            throw new InvalidOperationException("a handler can bind the request body to one parameter only (a stream, a form or a [Body] value).");
        }

        bodyType = claim;
    }
}
