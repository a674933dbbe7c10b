using System.Buffers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.DependencyInjection;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Abstractions.Tests.DependencyInjection;

/// <summary>The registration surface modules extend: named components, decorators and module option sections.</summary>
public sealed class PulyaBuilderTests
{
    [Fact]
    public void Named_implementations_are_keyed_services_registered_once_per_name()
    {
        var services = new ServiceCollection();
        var builder = Builder(services);

        builder.AddRouter<StubRouterFactory>("A").AddRouter<StubRouterFactory>("A").AddRouter<StubRouterFactory>("B")
            .AddPoolProvider<StubPoolProvider>("P").AddSerializer<StubSerializer>("S");

        Assert.Equal(2, services.Count(d => d.IsKeyedService && d.ServiceType == typeof(IRouterFactory)));
        Assert.Equal(["A", "B"], Components(services, typeof(IRouterFactory)));
        Assert.Equal(["P"], Components(services, typeof(IRequestPoolProvider)));
        Assert.Equal(["S"], Components(services, typeof(IPulyaSerializer)));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<StubRouterFactory>(provider.GetRequiredKeyedService<IRouterFactory>("B"));
        Assert.Same(builder.Services, services);
    }

    [Fact]
    public void A_decorator_type_registered_twice_is_applied_once()
    {
        var services = new ServiceCollection();

        Builder(services).AddRouterDecorator<StubDecorator>("D").AddRouterDecorator<StubDecorator>("D");

        Assert.Single(services, d => d.ServiceType == typeof(IRouterDecorator));
        Assert.Equal(["D"], Components(services, typeof(IRouterDecorator)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Blank_names_are_refused(string name)
    {
        var builder = Builder(new ServiceCollection());

        Assert.Throws<ArgumentException>(() => builder.AddRouter<StubRouterFactory>(name));
        Assert.Throws<ArgumentException>(() => builder.AddRouterDecorator<StubDecorator>(name));
        Assert.Throws<ArgumentException>(() => builder.AddModuleOptions<SampleOptions>(name));
    }

    [Fact]
    public void Module_options_are_bound_from_their_sub_section_and_the_section_is_claimed_once()
    {
        var services = new ServiceCollection();
        var builder = Builder(services, ("Sample:Size", "7"), ("Sample:Name", "x"));

        builder.AddModuleOptions<SampleOptions>("Sample").Validate(o => o.Size < 100, "too big");
        builder.AddModuleOptions<SampleOptions>("Sample");

        Assert.Equal(["Sample"], Components(services, PulyaComponent.Section));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SampleOptions>>().Value;
        Assert.Equal(7, options.Size);
        Assert.Equal("x", options.Name);
        // Validated at start-up: the start-up validator knows the options type.
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData(false, "Sample:Day", "Someday", "Pulya:Sample:Day: 'Someday' is not one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.")]
    [InlineData(false, "Sample:day", "Someday", "Pulya:Sample:day: 'Someday' is not one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.")]
    [InlineData(true, "Sample:Day", "Someday", "Pulya:Sample:Day: 'Someday' is not one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.")]
    [InlineData(true, "Sample:day", "Someday", "Pulya:Sample:day: 'Someday' is not one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.")]
    public void An_enum_value_that_names_no_member_fails_listing_the_members(bool generated, string key, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(generated, ("Sample:Name", "x"), (key, value)));

        Assert.Equal(message, error.Message);
        Assert.Equal(DayOfWeek.Friday, Resolve(generated, ("Sample:Day", "friday")).Day);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_value_the_binder_cannot_convert_fails_naming_the_key_and_the_value(bool generated)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(generated, ("Sample:Size", "abc")));

        Assert.Equal("Failed to convert configuration value 'abc' at 'Pulya:Sample:Size' to type 'System.Int32'.", error.Message);
        Assert.Equal(typeof(SampleOptions), error.OptionsType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_value_a_setter_rejects_fails_naming_the_key_the_value_and_the_reason(bool generated)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(generated, ("Sample:Name", "x"), ("Sample:Percent", "250")));

        Assert.Equal("Pulya:Sample:Percent: '250' is invalid. Must be between 0 and 100.", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Values_rejected_only_together_fail_naming_the_section(bool generated)
    {
        // Bound in declaration order, Amount meets the default Limit and is refused; each value alone (Limit first) is fine.
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(generated, ("Sample:Amount", "50"), ("Sample:Limit", "100")));

        Assert.Equal("Pulya:Sample: the values are invalid together. Amount must not exceed Limit.", error.Message);
    }

    [Fact]
    public void Without_a_section_path_the_relative_key_is_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Percent", "-1")]).Build();

        var error = Assert.Throws<OptionsValidationException>(() => OptionsBinding.Bind(configuration, new SampleOptions()));

        Assert.Equal("Percent: '-1' is invalid. Must be between 0 and 100.", error.Message);
    }

    [Fact]
    public void The_reason_of_a_non_argument_exception_is_its_message()
    {
        Assert.Equal("boom", OptionsBinding.Reason(new InvalidOperationException("boom")));
        Assert.Equal("bad", OptionsBinding.Reason(new ArgumentException("bad")));
    }

    [Fact]
    public void Generated_binding_binds_what_reflection_binds_and_needs_a_binding()
    {
        var values = new[] { ("Sample:Size", "7"), ("Sample:Day", "monday"), ("Sample:Name", "x"), ("Sample:Percent", "40"), ("Sample:Limit", "60") };

        Assert.Equivalent(Resolve(false, values), Resolve(true, values), strict: true);
        Assert.Throws<ArgumentNullException>(() => new PulyaBuilder(new ServiceCollection(), new ConfigurationBuilder().Build()).AddModuleOptions<SampleOptions>("Sample", null!));
        Assert.Throws<ArgumentNullException>(() => OptionsBinding.Bind(new ConfigurationBuilder().Build(), new SampleOptions(), null!));
    }

    // Reflection (the binder's) or, as a module built with EnableConfigurationBindingGenerator binds, generated code.
    private static SampleOptions Resolve(bool generated, params (string Key, string Value)[] values)
    {
        var services = new ServiceCollection();
        if (generated)
        {
            Builder(services, values).AddModuleOptions<SampleOptions>("Sample", static (c, o) => c.Bind(o));
        }
        else
        {
            Builder(services, values).AddModuleOptions<SampleOptions>("Sample");
        }

        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SampleOptions>>().Value;
    }

    private static PulyaBuilder Builder(IServiceCollection services, params (string Key, string Value)[] values)
    {
        var root = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Pulya:" + v.Key, v.Value)))
            .Build();
        return new PulyaBuilder(services, root.GetSection("Pulya"));
    }

    private static List<string> Components(IServiceCollection services, Type contract) =>
        [.. services.Select(d => d.ImplementationInstance).OfType<PulyaComponent>().Where(c => c.Contract == contract).Select(c => c.Name)];

    public sealed class SampleOptions
    {
        private int _percent;
        private int _amount;

        public int Size { get; set; }

        public DayOfWeek? Day { get; set; }

        public string? Name { get; set; }

        public int Percent
        {
            get => _percent;
            set => _percent = value is >= 0 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be between 0 and 100.");
        }

        public int Amount
        {
            get => _amount;
            set => _amount = value <= Limit ? value : throw new ArgumentOutOfRangeException(nameof(value), "Amount must not exceed Limit.");
        }

        public int Limit { get; set; } = 10;
    }

    private sealed class StubRouterFactory : IRouterFactory
    {
        public IRouter Create(RouteTable table) => throw new NotSupportedException();
    }

    private sealed class StubDecorator : IRouterDecorator
    {
        public IRouter Decorate(IRouter inner) => inner;
    }

    private sealed class StubSerializer : IPulyaSerializer
    {
        public string ContentType => "text/x-stub";

        public IReadOnlyList<string> MediaTypes => [ContentType];

        public void Prepare(Type type)
        {
        }

        public void Serialize(IBufferWriter<byte> output, object? value, Type type) => throw new NotSupportedException();

        public object? Deserialize(ReadOnlySequence<byte> body, Type type) => throw new NotSupportedException();
    }

    private sealed class StubPoolProvider : IRequestPoolProvider
    {
        public IRequestPool<T> Create<T>(Func<T> create)
            where T : class, IPoolable => throw new NotSupportedException();
    }
}
