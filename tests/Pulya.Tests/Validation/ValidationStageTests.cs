#pragma warning disable ASP0029 // the resolvers of Microsoft.Extensions.Validation are marked experimental

using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;
using Pulya.Binding;
using Pulya.Http;
using Pulya.Routing;
using Pulya.Testing;
using Pulya.Validation;

namespace Pulya.Tests.Validation;

/// <summary>The start-up decision: which endpoints get a validation stage, and which of their parameters it looks at.</summary>
public sealed class ValidationStageTests
{
    [Fact]
    public async Task Endpoints_without_rules_get_no_validation_stage()
    {
        await using var client = await StartAsync();
        var validation = client.Application.Services.GetRequiredService<EndpointValidation>();

        Assert.Null(validation.For(Endpoint("POST", "/plain", ([Body] PlainItem item) => item)));
        Assert.Null(validation.For(Endpoint("GET", "/plain/{id}", (int id, string? q, PulyaRequest request, CancellationToken aborted, HttpContext http) => id)));
        Assert.Null(validation.For(Endpoint("POST", "/raw", (Stream body, PulyaForm? form) => 1)));
        // Services are not request input: neither a registered type with rules nor a [Service] parameter is validated.
        Assert.Null(validation.For(Endpoint("GET", "/svc", (ValidatedService service, [Service] NewItem? other) => 1)));
    }

    [Fact]
    public async Task Endpoints_with_rules_get_a_stage_for_their_request_input()
    {
        await using var client = await StartAsync();
        var validation = client.Application.Services.GetRequiredService<EndpointValidation>();

        Assert.NotNull(validation.For(Endpoint("POST", "/items", (NewItem item) => item)));
        Assert.NotNull(validation.For(Endpoint("GET", "/c", ([Cookie("session"), StringLength(8)] string? session) => 1)));
        Assert.NotNull(validation.For(Endpoint("POST", "/f", ([Form, Range(1, 2)] int n) => 1)));
        Assert.NotNull(validation.For(Endpoint("GET", "/s/{service}", ([StringLength(2)] ValidatedService service) => 1)));
    }

    [Fact]
    public async Task AddValidation_twice_registers_once_and_applies_both_configurations()
    {
        await using var client = await StartAsync(builder => builder.Pulya.AddValidation(o => o.MaxDepth = 7));
        var options = client.Application.Services.GetRequiredService<IOptions<ValidationOptions>>().Value;

        Assert.Equal(7, options.MaxDepth);
        Assert.Single(options.Resolvers.OfType<ValidatableTypeResolver>());
        Assert.IsType<ValidatableTypeResolver>(options.Resolvers[^1]);
    }

    [Fact]
    public void The_resolver_describes_types_not_parameters()
    {
        var resolver = new ValidatableTypeResolver();
        var parameter = typeof(ValidationStageTests).GetMethod(nameof(Sample), BindingFlags.NonPublic | BindingFlags.Static)!.GetParameters()[0];

        Assert.False(resolver.TryGetValidatableParameterInfo(parameter, out var info));
        Assert.Null(info);
        Assert.True(resolver.TryGetValidatableTypeInfo(typeof(NewItem), out _));
        Assert.True(resolver.TryGetValidatableTypeInfo(typeof(Envelope), out _));
        Assert.False(resolver.TryGetValidatableTypeInfo(typeof(PlainItem), out _));
        Assert.False(resolver.TryGetValidatableTypeInfo(typeof(string), out _));
    }

    [Fact]
    public void The_generator_registers_the_types_validation_reads_for_generated_endpoints()
    {
        // The module initializer of this assembly ran: the bodies of ValidationTests and every type they reach with rules.
        Assert.True(ValidatableTypes.IsRegistered(typeof(NewItem)));
        Assert.True(ValidatableTypes.IsRegistered(typeof(ItemAddress)));
        Assert.True(ValidatableTypes.IsRegistered(typeof(ItemLine)));
        Assert.True(ValidatableTypes.IsRegistered(typeof(TreeNode)));
        Assert.False(ValidatableTypes.IsRegistered(typeof(PlainItem)));
        Assert.Throws<ArgumentNullException>(() => ValidatableTypes.Register(null!));
    }

    private static void Sample([Range(1, 2)] int value) => _ = value;

    private static EndpointDefinition Endpoint(string method, string template, Delegate handler) => new(method, RouteTemplate.Parse(template), handler);

    private static Task<PulyaTestClient> StartAsync(Action<Pulya.Hosting.PulyaApplicationBuilder>? configure = null) =>
        TestApp.StartAsync(app => app.MapGet("/", () => "ok"), builder =>
        {
            builder.Services.AddSingleton<ValidatedService>();
            builder.Pulya.AddValidation();
            configure?.Invoke(builder);
        });

    /// <summary>A service whose type happens to carry rules.</summary>
    public sealed class ValidatedService
    {
        [Required]
        public string? Name { get; set; }
    }
}
