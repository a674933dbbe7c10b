using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Pulya.CompilerServices;
using Pulya.Http;
using Pulya.Results;
using Pulya.Routing;

namespace Pulya.Binding;

/// <summary>
/// The expression-tree compiler behind the <c>Compiled</c> endpoint binder (<see cref="CompiledEndpointBinder"/>): compiles a handler of any shape into an
/// <see cref="EndpointBinding"/> once, at start-up, from expression trees: each parameter becomes a direct call to its
/// binding step in <see cref="ParameterBinders"/> (no reflection per request), and Task/ValueTask results are awaited.
/// The delegates filters use (<see cref="EndpointBinding.BindArguments"/>, <see cref="EndpointBinding.InvokeWithArguments"/>)
/// are compiled on their first call, so routes without filters do not pay for them.
/// </summary>
/// <remarks>
/// Parameter sources, in order: <see cref="PulyaRequest"/>; <see cref="CancellationToken"/> (request aborted);
/// <see cref="ClaimsPrincipal"/> (the caller, <see cref="PulyaRequest.User"/>); <see cref="HttpContext"/> (ASP.NET Core's, over the request);
/// <see cref="Stream"/> or <see cref="System.IO.Pipelines.PipeReader"/> (the request body, unread); <c>[Cookie]</c>;
/// <c>[Form]</c>, <see cref="PulyaForm"/> and <see cref="PulyaFile"/> (the form); <c>[Body]</c>, <c>[Query]</c>, <c>[Header]</c>, <c>[Service]</c>; a route parameter of the same name; a type
/// registered in DI; a simple type (string, numbers, char, Guid, bool, dates and times, enums, any type with a static
/// <c>TryParse(string, IFormatProvider, out T)</c>) from the query; any other type from the body, except on GET, HEAD,
/// DELETE, OPTIONS and TRACE, where such a parameter stops the start-up (mark it <c>[Body]</c> to read a body anyway).
/// A parameter with a default value, a nullable value type or a nullable reference type is optional.
/// </remarks>
[RequiresDynamicCode(EndpointCompiler.DynamicCodeMessage)]
[RequiresUnreferencedCode(EndpointCompiler.DynamicCodeMessage)]
internal sealed partial class EndpointCompiler(IServiceProvider services, ServiceLifetimes lifetimes, PulyaOptions options)
{
    /// <summary>Why the compiler cannot run under Native AOT.</summary>
    public const string DynamicCodeMessage = "The Compiled binder builds expression trees and generic methods at run time; under Native AOT use the Generated binder.";

    private static readonly MethodInfo[] Binders = typeof(ParameterBinders).GetMethods(BindingFlags.Public | BindingFlags.Static);
    private readonly IServiceProviderIsService _isService = services.GetRequiredService<IServiceProviderIsService>();
    private readonly NullabilityInfoContext _nullability = new();

    public EndpointBinding Compile(EndpointDefinition endpoint)
    {
        var template = endpoint.Template;
        var handler = endpoint.Handler;
        var context = Expression.Parameter(typeof(PulyaRequest), "request");
        var parameters = handler.Method.GetParameters();
        var arguments = new Expression[parameters.Length];
        Type? bodyType = null;
        var bodyRequired = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            try
            {
                arguments[i] = Bind(parameter, endpoint.Method, template, context, ref bodyType, ref bodyRequired);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException($"Route '{template.Text}', parameter '{parameter.Name}': {ex.Message}", ex);
            }
        }

        bodyType = bodyType == typeof(Stream) ? null : bodyType; // the handler reads the body itself
        var target = Expression.Constant(handler);
        var (body, resultType) = AsyncSequence.Wrap(Await(Expression.Invoke(target, arguments), handler.Method.ReturnType));
        var invoke = Expression.Lambda<Func<PulyaRequest, ValueTask<object?>>>(body, context).Compile();

        var bound = Expression.NewArrayInit(typeof(object), arguments.Select(a => Expression.Convert(a, typeof(object))));
        var bindArguments = Lazy(Expression.Lambda<Func<PulyaRequest, object?[]>>(bound, context));

        var values = Expression.Parameter(typeof(object?[]), "arguments");
        var unpacked = parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), p.ParameterType));
        var invokeWithArguments = Lazy(Expression.Lambda<Func<PulyaRequest, object?[], ValueTask<object?>>>(AsyncSequence.Wrap(Await(Expression.Invoke(target, unpacked), handler.Method.ReturnType)).Body, context, values));

        return new EndpointBinding(bodyType, bodyRequired, resultType, invoke, r => bindArguments.Value(r), (r, a) => invokeWithArguments.Value(r, a));
    }

    private static Lazy<T> Lazy<T>(Expression<T> lambda) => new(lambda.Compile, LazyThreadSafetyMode.PublicationOnly);

    private Expression Bind(ParameterInfo parameter, string method, RouteTemplate template, ParameterExpression context, ref Type? bodyType, ref bool bodyRequired)
    {
        var type = parameter.ParameterType;
        var name = parameter.Name!;
        var optional = IsOptional(parameter);
        if (type == typeof(PulyaRequest))
        {
            return context;
        }

        if (type == typeof(CancellationToken))
        {
            return Expression.Property(context, nameof(PulyaRequest.RequestAborted));
        }

        if (type == typeof(ClaimsPrincipal))
        {
            return Expression.Property(context, nameof(PulyaRequest.User));
        }

        if (type == typeof(HttpContext))
        {
            return Expression.Property(context, nameof(PulyaRequest.HttpContext));
        }

        if (BindRequestSource(parameter, type, name, optional, context, ref bodyType) is { } source)
        {
            return source;
        }

        if (parameter.GetCustomAttribute<BodyAttribute>() is not null)
        {
            return BindBody(type, optional, context, ref bodyType, ref bodyRequired);
        }

        if (parameter.GetCustomAttribute<QueryAttribute>() is { } query)
        {
            return BindText(nameof(ParameterBinders.Query), type, query.Name ?? name, optional, parameter, context, null);
        }

        if (parameter.GetCustomAttribute<HeaderAttribute>() is { } header)
        {
            var strategy = header.HasStrategy ? header.Strategy : options.HeaderStrategy;
            return BindText(nameof(ParameterBinders.Header), type, header.Name, optional, parameter, context, strategy);
        }

        if (parameter.GetCustomAttribute<ServiceAttribute>() is not null)
        {
            if (!optional && !_isService.IsService(type))
            {
                // As Minimal APIs do with IServiceProviderIsService: found at start-up, not as a 500 on every request.
                throw new InvalidOperationException(
                    $"it is marked [Service], but {type.Name} is not registered in the application's services; register it " +
                    $"(builder.Services.AddSingleton<{type.Name}>(), AddScoped or AddTransient), or make the parameter nullable or give it a default to bind null.");
            }

            return BindService(type, optional, context);
        }

        var index = IndexOf(template.ParameterNames, name);
        if (index >= 0)
        {
            if (type == typeof(string))
            {
                return Call(nameof(ParameterBinders.RouteString), null, context, Expression.Constant(index));
            }

            RequireConvertible(type, "a route value");
            return Call(nameof(ParameterBinders.Route), type, context, Expression.Constant(index), Expression.Constant(name), Parser(type));
        }

        if (_isService.IsService(type))
        {
            return BindService(type, optional, context);
        }

        if (SpanParsers.IsSupported(type) || type == typeof(string[]) || type == typeof(StringValues))
        {
            return BindText(nameof(ParameterBinders.Query), type, name, optional, parameter, context, null);
        }

        if (HasNoBody(method))
        {
            throw new InvalidOperationException(
                $"{type.Name} is neither a route value, a registered service nor a type the query can bind, and a {method} request has no body. " +
                $"If it is a service, register it (builder.Services.AddSingleton<{type.Name}>(), AddScoped or AddTransient); " +
                "if it is the request body, mark the parameter [Body] to read a body anyway; otherwise change its type or source.");
        }

        return BindBody(type, optional, context, ref bodyType, ref bodyRequired);
    }

    /// <summary>Methods whose requests carry no body by convention: a complex parameter of theirs is a mistake found at start-up.</summary>
    private static bool HasNoBody(string method) =>
        method is "GET" or "HEAD" or "DELETE" or "OPTIONS" or "TRACE";

    private Expression BindText(string source, Type type, string key, bool optional, ParameterInfo parameter, ParameterExpression context, HeaderStrategy? strategy)
    {
        if (type == typeof(string[]) || type == typeof(StringValues))
        {
            var method = source + (type == typeof(string[]) ? "All" : "Values");
            return Call(method, null, context, Expression.Constant(key));
        }

        RequireConvertible(type, $"a {source.ToLowerInvariant()} value");
        var defaultValue = parameter.HasDefaultValue && parameter.DefaultValue is not null ? parameter.DefaultValue : null;
        if (defaultValue is not null && Nullable.GetUnderlyingType(type) is { IsEnum: true } enumType)
        {
            // The default of an enum? parameter comes back as the underlying number, not as the enum.
            defaultValue = Enum.ToObject(enumType, defaultValue);
        }

        var arguments = new List<Expression> { context, Expression.Constant(key) };
        if (strategy is { } s)
        {
            arguments.Add(Expression.Constant(s));
        }

        arguments.Add(Parser(type));
        arguments.Add(Expression.Constant(!optional));
        arguments.Add(defaultValue is null ? Expression.Default(type) : Expression.Constant(defaultValue, type));
        return Call(source, type, [.. arguments]);
    }

    private static Expression BindBody(Type type, bool optional, ParameterExpression context, ref Type? bodyType, ref bool bodyRequired)
    {
        if (bodyType is not null)
        {
            throw new InvalidOperationException("a handler can bind the request body to one parameter only.");
        }

        bodyType = type;
        bodyRequired = !optional;
        return Call(nameof(ParameterBinders.Body), type, context);
    }

    private Expression BindService(Type type, bool optional, ParameterExpression context)
    {
        if (lifetimes.IsSingleton(type))
        {
            var instance = optional ? services.GetService(type) : services.GetRequiredService(type);
            return Expression.Constant(instance, type);
        }

        return Call(optional ? nameof(ParameterBinders.OptionalService) : nameof(ParameterBinders.Service), type, context);
    }

    private bool IsOptional(ParameterInfo parameter) =>
        parameter.HasDefaultValue
        || Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && _nullability.Create(parameter).ReadState == NullabilityState.Nullable);

    private static void RequireConvertible(Type type, string what)
    {
        if (!SpanParsers.IsSupported(type))
        {
            throw new InvalidOperationException($"{type.Name} cannot be bound from {what}; use a string, a number, Guid, bool, char, a date or time type, an enum or a type with a static TryParse(string, IFormatProvider, out T).");
        }
    }

    private static ConstantExpression Parser(Type type) => Expression.Constant(SpanParsers.For(type), typeof(SpanParser<>).MakeGenericType(type));

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static MethodCallExpression Call(string name, Type? typeArgument, params Expression[] arguments)
    {
        var method = Binders.Single(m => m.Name == name);
        return Expression.Call(typeArgument is null ? method : method.MakeGenericMethod(typeArgument), arguments);
    }

    private static (Expression Body, Type ResultType) Await(Expression call, Type returnType)
    {
        if (returnType == typeof(void))
        {
            return (Expression.Block(call, Expression.Default(typeof(ValueTask<object?>))), typeof(void));
        }

        if (returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return (Expression.Call(typeof(ResultAwaiters).GetMethod(returnType == typeof(Task) ? nameof(ResultAwaiters.Task) : nameof(ResultAwaiters.ValueTask))!, call), typeof(void));
        }

        if (returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            var resultType = returnType.GetGenericArguments()[0];
            var name = returnType.GetGenericTypeDefinition() == typeof(Task<>) ? nameof(ResultAwaiters.TaskOf) : nameof(ResultAwaiters.ValueTaskOf);
            return (Expression.Call(typeof(ResultAwaiters).GetMethod(name)!.MakeGenericMethod(resultType), call), resultType);
        }

        var boxed = Expression.Convert(call, typeof(object));
        return (Expression.New(typeof(ValueTask<object?>).GetConstructor([typeof(object)])!, boxed), returnType);
    }
}
