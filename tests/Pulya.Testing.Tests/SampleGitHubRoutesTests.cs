using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Binding;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.Testing.Tests;

/// <summary>
/// The sample's GitHub route set (the load tool's start-up scenario) maps literal calls the source generator intercepts:
/// under the Generated binder no route falls back to the expression-tree compiler, and both binders answer every path alike.
/// </summary>
public sealed class SampleGitHubRoutesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<TestTransport, string> Cases()
    {
        var data = new TheoryData<TestTransport, string>();
        foreach (var transport in TestTransports.All)
        {
            data.Add(transport, "Compiled");
            data.Add(transport, "Generated");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_GitHub_path_answers_the_same_json_with_either_binder(TestTransport transport, string binder)
    {
        var compiled = new ConcurrentQueue<string>();
        await using var client = await StartAsync(transport, binder, compiled);

        foreach (var (method, path) in Paths())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            using var response = await client.Client.SendAsync(request).WaitAsync(Timeout);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {response.StatusCode}");
            Assert.Equal("""{"success":true}""", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_Generated_binder_binds_every_GitHub_route_without_the_expression_tree_compiler(TestTransport transport)
    {
        var compiled = new ConcurrentQueue<string>();
        await using var client = await StartAsync(transport, "Generated", compiled);

        Assert.Empty(compiled);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_Compiled_binder_compiles_every_route_of_the_route_file(TestTransport transport)
    {
        var compiled = new ConcurrentQueue<string>();
        await using var client = await StartAsync(transport, "Compiled", compiled);

        // Also shows the checked-in literal calls match tests/routes/github.routes (bench/generate-github-routes.sh).
        var expected = GitHubRoutes.Read(GitHubRoutes.DefaultFile).Select(r => $"{r.Method} {r.Template}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, compiled.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The sample's services with the Compiled binder wrapped so each route it binds is recorded; the Generated binder
    /// falls back to that binder for a route without a generated binding, so the record shows every fallback.
    /// </summary>
    private static Task<PulyaTestClient> StartAsync(TestTransport transport, string binder, ConcurrentQueue<string> compiled) =>
        PulyaTestClient.StartAsync(
            transport,
            GitHubRoutes.Map,
            builder =>
            {
                SampleApp.ConfigureServices(builder);
                var original = builder.Services.Last(d => d.ServiceType == typeof(IEndpointBinder) && Equals(d.ServiceKey, "Compiled"));
                builder.Services.Remove(original);
                builder.Services.AddKeyedSingleton<IEndpointBinder>("Compiled", (services, _) =>
                    new RecordingBinder((IEndpointBinder)ActivatorUtilities.CreateInstance(services, original.KeyedImplementationType!), compiled));
            },
            "--Pulya:Router=Trie",
            "--Pulya:Binder=" + binder).WaitAsync(Timeout);

    /// <summary>The requests of <c>tests/routes/github.paths</c> (METHOD, path, pattern; tab-separated).</summary>
    private static IEnumerable<(string Method, string Path)> Paths()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "Pulya.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("Pulya.sln not found above the test's directory.");
        }

        return File.ReadLines(Path.Combine(directory.FullName, "tests", "routes", "github.paths"))
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 2 && f[0].Length > 0 && f[0][0] != '#')
            .Select(f => (f[0], f[1]));
    }

    private sealed class RecordingBinder(IEndpointBinder inner, ConcurrentQueue<string> compiled) : IEndpointBinder
    {
        public EndpointBinding Bind(EndpointDefinition endpoint)
        {
            compiled.Enqueue($"{endpoint.Method} {endpoint.Template.Text}");
            return inner.Bind(endpoint);
        }
    }
}
