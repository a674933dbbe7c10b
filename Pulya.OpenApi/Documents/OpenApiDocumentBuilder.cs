using System.Globalization;
using System.IO.Pipelines;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Pulya.Binding;
using Pulya.Http;
using Pulya.OpenApi.Schemas;
using Pulya.Routing;

namespace Pulya.OpenApi.Documents;

/// <summary>
/// Builds one OpenAPI 3.1 document from the frozen route table: one operation per route (the HEAD routes added for GET
/// routes are left out), its parameters by source, its body and responses with schemas from System.Text.Json's contract,
/// the error statuses Pulya itself answers for it, and what its metadata says.
/// </summary>
internal sealed partial class OpenApiDocumentBuilder(
    OpenApiDocumentContext context,
    PulyaOpenApiOptions options,
    string documentName)
{
    private const string ErrorSchema = "Error";
    private static readonly string[] TextContent = ["text/plain"];
    private static readonly string[] BinaryContent = ["application/octet-stream"];

    private readonly OpenApiDocument _document = new()
    {
        Info = new OpenApiInfo(),
        Paths = [],
        Components = new OpenApiComponents { Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) },
    };

    private SchemaGenerator? _schemas;

    private SchemaGenerator Schemas => _schemas ??= new SchemaGenerator(context.JsonOptions, _document);

    public OpenApiDocument Build(RouteTable table)
    {
        _document.Info.Title = options.Title ?? $"{context.ApplicationName} | {documentName}";
        _document.Info.Version = options.Version;
        _document.Info.Description = options.Description;
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var route in table.Routes)
        {
            if (!Describes(route, table))
            {
                continue;
            }

            var path = Path(route.Template);
            if (!_document.Paths.TryGetValue(path, out var item))
            {
                item = new OpenApiPathItem();
                _document.Paths[path] = item;
            }

            var operation = Operation(route, tags);
            ((OpenApiPathItem)item).AddOperation(HttpMethod.Parse(route.Method), operation);
        }

        _document.Tags = new HashSet<OpenApiTag>(tags.Select(t => new OpenApiTag { Name = t }));
        return _document;
    }

    private bool Describes(RouteEntry route, RouteTable table)
    {
        if (route.Method == HttpMethods.Head && table.Routes.Any(r => r.Method == HttpMethods.Get && ReferenceEquals(r.Endpoint, route.Endpoint)))
        {
            return false;
        }

        return route.Metadata.OfType<IExcludeFromDescriptionMetadata>().LastOrDefault() is not { ExcludeFromDescription: true }
            && (options.ShouldInclude?.Invoke(route) ?? true);
    }

    /// <summary>The OpenAPI path of a template: <c>{id:int}</c> and <c>{*rest}</c> become <c>{id}</c> and <c>{rest}</c>.</summary>
    private static string Path(RouteTemplate template) => RouteParameter().Replace(template.Text, "{$1}");

    [GeneratedRegex(@"\{\*?([^}:]+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();

    private OpenApiOperation Operation(RouteEntry route, SortedSet<string> documentTags)
    {
        var (parameters, result, sequenceItem) = Describe(route);
        var operation = new OpenApiOperation
        {
            OperationId = route.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName,
            Summary = route.Metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary,
            Description = route.Metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description,
            Parameters = [],
            Responses = [],
        };

        var tags = route.Metadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count == 0)
        {
            tags.Add(context.ApplicationName);
        }

        documentTags.UnionWith(tags);
        operation.Tags = new HashSet<OpenApiTagReference>(tags.Select(t => new OpenApiTagReference(t, _document)));

        AddPathParameters(route.Template, parameters, operation);
        foreach (var parameter in parameters.Where(p => p.Source is ParameterSource.Query or ParameterSource.Header or ParameterSource.Cookie))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = parameter.Source switch
                {
                    ParameterSource.Query => ParameterLocation.Query,
                    ParameterSource.Header => ParameterLocation.Header,
                    _ => ParameterLocation.Cookie,
                },
                Required = parameter.Required,
                Schema = Schemas.ForText(parameter.Type),
            });
        }

        operation.RequestBody = RequestBody(parameters);
        if (operation.Parameters.Count == 0)
        {
            operation.Parameters = null;
        }

        AddResponses(route, result, sequenceItem, parameters, operation);
        AddSecurity(route, operation);
        return operation;
    }

    /// <summary>Every parameter of the template, typed by the handler parameter bound to it, or by its constraint.</summary>
    private void AddPathParameters(RouteTemplate template, List<DescribedParameter> parameters, OpenApiOperation operation)
    {
        foreach (var segment in template.Segments.Where(s => s.Kind != RouteSegmentKind.Literal))
        {
            var bound = parameters.FirstOrDefault(p => p.Source == ParameterSource.Path && p.Name == segment.Value);
            operation.Parameters!.Add(new OpenApiParameter
            {
                Name = segment.Value,
                In = ParameterLocation.Path,
                Required = true,
                Schema = bound is not null ? Schemas.ForText(bound.Type) : SchemaGenerator.ForConstraint(segment.Constraint),
            });
        }
    }

    private OpenApiRequestBody? RequestBody(List<DescribedParameter> parameters)
    {
        if (parameters.FirstOrDefault(p => p.Source == ParameterSource.Body) is { } body)
        {
            return new OpenApiRequestBody { Required = body.Required, Content = Content(context.MediaTypes, Schemas.For(body.Type)) };
        }

        if (parameters.Any(p => p.Source == ParameterSource.BodyStream))
        {
            return new OpenApiRequestBody { Content = Content(BinaryContent, Binary()) };
        }

        var fields = parameters.Where(p => p.Source == ParameterSource.Form).ToList();
        if (fields.Count == 0)
        {
            return null;
        }

        var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) };
        var files = false;
        foreach (var field in fields.Where(f => f.Type != typeof(PulyaForm)))
        {
            files |= field.Type == typeof(PulyaFile) || field.Type == typeof(IReadOnlyList<PulyaFile>);
            schema.Properties[field.Name] = field.Type == typeof(PulyaFile) ? Binary()
                : field.Type == typeof(IReadOnlyList<PulyaFile>) ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = Binary() }
                : Schemas.ForText(field.Type);
            if (field.Required)
            {
                (schema.Required ??= new HashSet<string>(StringComparer.Ordinal)).Add(field.Name);
            }
        }

        string[] mediaTypes = files || fields.Any(f => f.Type == typeof(PulyaForm)) ? ["multipart/form-data"] : ["multipart/form-data", "application/x-www-form-urlencoded"];
        return new OpenApiRequestBody { Required = schema.Required is not null, Content = Content(mediaTypes, schema) };
    }

    private void AddResponses(RouteEntry route, Type? result, Type? sequenceItem, List<DescribedParameter> parameters, OpenApiOperation operation)
    {
        var declared = route.Metadata.OfType<IProducesResponseTypeMetadata>().ToList();
        var serialized = false;
        if (result is null)
        {
            Respond(operation, StatusCodes.Status204NoContent);
        }
        else if (result == typeof(Response) || result == typeof(object) || typeof(IResult).IsAssignableFrom(result))
        {
            if (!declared.Any(d => d.StatusCode is >= 200 and < 300))
            {
                Respond(operation, StatusCodes.Status200OK);
            }
        }
        else if (result == typeof(string))
        {
            Respond(operation, StatusCodes.Status200OK, Content(TextContent, new OpenApiSchema { Type = JsonSchemaType.String }));
        }
        else if (result == typeof(byte[]) || result == typeof(ReadOnlyMemory<byte>) || typeof(Stream).IsAssignableFrom(result) || result == typeof(PipeReader))
        {
            Respond(operation, StatusCodes.Status200OK, Content(BinaryContent, Binary()));
        }
        else
        {
            serialized = true;
            var schema = sequenceItem is { } item ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = Schemas.For(item) } : Schemas.For(result);
            Respond(operation, StatusCodes.Status200OK, Content(context.MediaTypes, schema));
        }

        foreach (var produces in declared)
        {
            var contentTypes = produces.ContentTypes.Any() ? produces.ContentTypes.ToArray()
                : produces.Type == typeof(string) ? TextContent : context.MediaTypes;
            Respond(operation, produces.StatusCode, produces.Type is null || produces.Type == typeof(void) ? null : Content(contentTypes, Schemas.For(produces.Type)));
        }

        var errors = new SortedSet<int>();
        if (parameters.Any(CanFail))
        {
            errors.Add(StatusCodes.Status400BadRequest);
        }

        if (route.Template.ParameterNames.Count > 0)
        {
            errors.Add(StatusCodes.Status404NotFound);
        }

        if (serialized)
        {
            errors.Add(StatusCodes.Status406NotAcceptable);
        }

        if (operation.RequestBody is not null)
        {
            errors.Add(StatusCodes.Status413PayloadTooLarge);
            if (!parameters.Any(p => p.Source == ParameterSource.BodyStream))
            {
                errors.Add(StatusCodes.Status415UnsupportedMediaType);
            }
        }

        if (Schemes(route).Count > 0)
        {
            errors.Add(StatusCodes.Status401Unauthorized);
            errors.Add(StatusCodes.Status403Forbidden);
        }

        foreach (var status in errors)
        {
            if (!operation.Responses!.ContainsKey(Key(status)))
            {
                Respond(operation, status, Content(context.MediaTypes.Take(1).ToArray(), Error()));
            }
        }
    }

    /// <summary>Whether binding the parameter can answer 400: a body or form, a required value that may be missing, a value to convert.</summary>
    private static bool CanFail(DescribedParameter parameter) => parameter.Source switch
    {
        ParameterSource.Body or ParameterSource.Form => true,
        ParameterSource.BodyStream => false,
        ParameterSource.Path => parameter.Type != typeof(string),
        _ => parameter.Required || (Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type) is var type && type != typeof(string) && type != typeof(string[]) && type != typeof(Microsoft.Extensions.Primitives.StringValues),
    };

    private void AddSecurity(RouteEntry route, OpenApiOperation operation)
    {
        var schemes = Schemes(route);
        if (schemes.Count == 0)
        {
            return;
        }

        _document.Components!.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        var requirement = new OpenApiSecurityRequirement();
        foreach (var scheme in schemes)
        {
            if (!_document.Components.SecuritySchemes.ContainsKey(scheme))
            {
                _document.Components.SecuritySchemes[scheme] = options.SecuritySchemes.TryGetValue(scheme, out var configured) ? configured : new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = scheme.ToLowerInvariant(),
                };
            }

            requirement[new OpenApiSecuritySchemeReference(scheme, _document)] = [];
        }

        operation.Security = [requirement];
    }

    /// <summary>
    /// The authentication schemes a route requires: those of Pulya's authentication hooks (<see cref="AuthenticationRequirement"/>)
    /// and of ASP.NET Core's <see cref="IAuthorizeData"/> (<c>[Authorize]</c>; its schemes, or <c>Bearer</c>), none when the
    /// route allows anonymous requests (<see cref="IAllowAnonymous"/>).
    /// </summary>
    private static List<string> Schemes(RouteEntry route)
    {
        if (route.Metadata.OfType<IAllowAnonymous>().Any())
        {
            return [];
        }

        var schemes = route.Metadata.OfType<AuthenticationRequirement>().Select(r => r.Scheme)
            .Concat(route.Metadata.OfType<IAuthorizeData>().SelectMany(a => a.AuthenticationSchemes is { Length: > 0 } names
                ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : ["Bearer"]));
        return [.. schemes.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The type a handler's result is written from: Task and ValueTask unwrapped; null for none (204).</summary>
    private static Type? ResultType(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return null;
        }

        return returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returnType.GetGenericArguments()[0]
            : returnType;
    }

    [RequiresUnreferencedCode("Reads the interfaces of the result type.")]
    private static Type? AsyncSequenceItem(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>) ? type.GetGenericArguments()[0]
        : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))?.GetGenericArguments()[0];

    private static void Respond(OpenApiOperation operation, int status, Dictionary<string, OpenApiMediaType>? content = null) =>
        operation.Responses![Key(status)] = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status), Content = content };

    private static string Key(int status) => status.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, OpenApiMediaType> Content(IEnumerable<string> mediaTypes, IOpenApiSchema schema) =>
        mediaTypes.ToDictionary(m => m, _ => new OpenApiMediaType { Schema = schema }, StringComparer.Ordinal);

    private static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };

    /// <summary>Pulya's error body, <c>{"error":"…"}</c>, as a component.</summary>
    private OpenApiSchemaReference Error()
    {
        if (!_document.Components!.Schemas!.ContainsKey(ErrorSchema))
        {
            _document.Components.Schemas[ErrorSchema] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema> { ["error"] = new OpenApiSchema { Type = JsonSchemaType.String } },
                Required = new HashSet<string> { "error" },
            };
        }

        return new OpenApiSchemaReference(ErrorSchema, _document);
    }
}
