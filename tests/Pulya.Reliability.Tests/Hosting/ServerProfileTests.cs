using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;

namespace Pulya.Reliability.Tests.Hosting;

public sealed class ServerProfileTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"profile-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void A_profile_becomes_command_line_settings_of_its_Pulya_section()
    {
        File.WriteAllText(_file, """{ "Description": "x", "Pulya": { "Router": "Trie", "RouteCache": { "Enabled": true, "Capacity": 1000 } } }""");

        var profile = ServerProfile.FromFile("x", _file, ApplicationServices());

        Assert.Equal(["--Pulya:RouteCache:Capacity=1000", "--Pulya:RouteCache:Enabled=True", "--Pulya:Router=Trie"], profile.Arguments);
    }

    [Theory]
    [InlineData("""{ "Pulya": { "Router": "Radix" } }""", "Pulya:Router=Radix")]
    [InlineData("""{ "Pulya": { "Serializer": "Protobuf" } }""", "Pulya:Serializer=Protobuf")]
    [InlineData("""{ "Pulya": { "RouteCache": { "Enabled": true } } }""", "Pulya:RouteCache:Enabled=True")]
    [InlineData("""{ "Pulya": { "Pooling": { "Enabled": true } } }""", "Pulya:Pooling:Enabled=True")]
    public void A_setting_for_a_module_that_is_not_registered_fails_instead_of_being_dropped(string json, string setting)
    {
        File.WriteAllText(_file, json);

        var error = Assert.Throws<InvalidOperationException>(() => ServerProfile.FromFile("x", _file, new ServiceCollection()));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("optimized")]
    public void The_profiles_the_suites_run_under_load_for_the_application_under_test(string name)
    {
        Assert.NotEmpty(ServerProfile.Load(name, ApplicationServices()).Arguments);
    }

    private static IServiceCollection ApplicationServices()
    {
        var probe = PulyaApplication.CreateBuilder([]);
        ReliabilityServer.ConfigureServices(probe);
        return probe.Services;
    }
}
