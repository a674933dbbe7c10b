using System.Reflection;
using System.Text.Json;
using System.Text.Json.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Binding;
using Pulya.CompilerServices;
using Pulya.DependencyInjection;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Hosting;

/// <summary>
/// Writes the application's route table, with each route's parameters and body as JSON schemas, and the modules it has
/// registered and selected, to the file named by <see cref="ConfigurationKey"/>, at start-up, before the server listens;
/// the application then starts as usual. Tools that exercise an application they did not write (the advisor) read it to
/// build requests, without any change to the application's code. Off unless the key is set: nothing runs otherwise.
/// </summary>
internal static class RouteTableExport
{
    /// <summary>The configuration key naming the file to write, e.g. <c>--Pulya:RouteTableFile=routes.json</c>.</summary>
    public const string ConfigurationKey = "Pulya:RouteTableFile";

    /// <summary>Writes the file when <see cref="ConfigurationKey"/> names one; otherwise does nothing.</summary>
    public static void WriteIfAsked(IConfiguration configuration, IServiceProvider services, PulyaOptions options, RouteRegistry routes, RouteTable table)
    {
        // Only the check runs at every start-up: the writer is a large method the JIT would otherwise compile for nothing.
        if (configuration[ConfigurationKey] is { Length: > 0 } file)
        {
            Write(file, configuration, services, options, routes.Definitions, table);
        }
    }

    private static void Write(string file, IConfiguration configuration, IServiceProvider services, PulyaOptions options, IReadOnlyList<EndpointDefinition> definitions, RouteTable table)
    {
        var json = services.GetRequiredKeyedService<IPulyaSerializer>("SystemTextJson") is SystemTextJsonSerializer stj ? stj.Options : SystemTextJsonSerializer.CreateDefaultOptions();
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var components = services.GetServices<PulyaComponent>().ToList();
        var full = Path.GetFullPath(file);
        var staging = full + ".tmp";
        using (var stream = File.Create(staging))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("selected");
            writer.WriteString("Router", options.Router);
            writer.WriteString("Serializer", options.Serializer);
            writer.WriteString("Binder", options.Binder);
            writer.WriteString("PoolProvider", options.PoolProvider);
            writer.WriteEndObject();

            writer.WriteStartObject("registered");
            foreach (var group in components.GroupBy(c => Kind(c.Contract)))
            {
                writer.WriteStartArray(group.Key);
                foreach (var component in group)
                {
                    writer.WriteStringValue(component.Name);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();

            // Each module section with its current Enabled value, so a tool knows what switching it on or off means.
            writer.WriteStartObject("sections");
            foreach (var section in components.Where(c => c.Contract == PulyaComponent.Section))
            {
                writer.WriteBoolean(section.Name, bool.TryParse(configuration[$"Pulya:{section.Name}:Enabled"], out var enabled) && enabled);
            }

            writer.WriteEndObject();

            var bindings = table.Routes.ToDictionary(r => (r.Method, r.Template), r => (EndpointBinding)r.Endpoint!);
            writer.WriteStartArray("routes");
            foreach (var definition in definitions)
            {
                var binding = bindings[(definition.Method, definition.Template)];
                writer.WriteStartObject();
                writer.WriteString("method", definition.Method);
                writer.WriteString("template", definition.Template.Text);
                writer.WriteStartArray("parameters");
                foreach (var segment in definition.Template.Segments.Where(s => s.IsParameter))
                {
                    var type = definition.Handler.Method.GetParameters().FirstOrDefault(p => p.Name == segment.Value)?.ParameterType ?? typeof(string);
                    Parameter(writer, json, "route", segment.Value, type, segment.Constraint == RouteConstraint.None ? null : segment.Constraint.ToString().ToLowerInvariant(), segment.Kind == RouteSegmentKind.CatchAll);
                }

                foreach (var parameter in definition.Handler.Method.GetParameters())
                {
                    if (parameter.GetCustomAttribute<HeaderAttribute>() is { } header)
                    {
                        Parameter(writer, json, "header", header.Name, parameter.ParameterType, null, false);
                    }
                    else if (parameter.GetCustomAttribute<QueryAttribute>() is { } query)
                    {
                        Parameter(writer, json, "query", query.Name ?? parameter.Name!, parameter.ParameterType, null, false);
                    }
                    else if (!parameter.GetCustomAttributes().Any(a => a.GetType().Namespace == nameof(Pulya)) && !definition.Template.ParameterNames.Contains(parameter.Name!)
                        && SpanParsers.IsSupported(parameter.ParameterType) && !isService.IsService(parameter.ParameterType))
                    {
                        Parameter(writer, json, "query", parameter.Name!, parameter.ParameterType, null, false);
                    }
                }

                writer.WriteEndArray();
                if (binding.BodyType is { } body)
                {
                    writer.WriteString("bodyType", body.FullName);
                    writer.WritePropertyName("body");
                    JsonSchemaExporter.GetJsonSchemaAsNode(json, body).WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        File.Move(staging, full, overwrite: true);
    }

    private static void Parameter(Utf8JsonWriter writer, JsonSerializerOptions json, string source, string name, Type type, string? constraint, bool catchAll)
    {
        writer.WriteStartObject();
        writer.WriteString("source", source);
        writer.WriteString("name", name);
        if (constraint is { Length: > 0 })
        {
            writer.WriteString("constraint", constraint);
        }

        if (catchAll)
        {
            writer.WriteBoolean("catchAll", true);
        }

        writer.WritePropertyName("schema");
        JsonSchemaExporter.GetJsonSchemaAsNode(json, Nullable.GetUnderlyingType(type) ?? type).WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>The configuration key a contract's names select (<c>Pulya:Router</c>, …), or the contract's name.</summary>
    private static string Kind(Type contract) =>
        contract == typeof(IRouterFactory) ? "Router"
        : contract == typeof(IPulyaSerializer) ? "Serializer"
        : contract == typeof(IEndpointBinder) ? "Binder"
        : contract == typeof(IRequestPoolProvider) ? "PoolProvider"
        : contract == PulyaComponent.Section ? "Section"
        : contract.Name;
}
