using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Http;

namespace Pulya.Tests.Hosting;

/// <summary>
/// HTTPS and HTTP/2 from the keys an ASP.NET Core application uses, read by Kestrel's own configuration loader, over real
/// sockets with a certificate made for the test.
/// </summary>
public sealed class HttpsAndHttp2ConfigurationTests : IDisposable
{
    private readonly TestCertificate _certificate = new();

    [Fact]
    public async Task An_https_endpoint_with_a_certificate_file_serves_https()
    {
        await using var app = await StartAsync(
            "--Kestrel:Endpoints:Secure:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Secure:Certificate:Path={_certificate.Path}",
            $"--Kestrel:Endpoints:Secure:Certificate:Password={_certificate.Password}");
        var url = Assert.Single(app.Urls);
        using var client = _certificate.CreateClient(url);

        using var response = await client.GetAsync(new Uri("/protocol", UriKind.Relative));

        Assert.StartsWith("https://127.0.0.1:", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https HTTP/1.1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Https_negotiates_http2_with_alpn()
    {
        await using var app = await StartAsync(
            "--Kestrel:Endpoints:Secure:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Secure:Certificate:Path={_certificate.Path}",
            $"--Kestrel:Endpoints:Secure:Certificate:Password={_certificate.Password}");
        using var client = _certificate.CreateClient(Assert.Single(app.Urls), HttpVersion.Version20);

        using var response = await client.GetAsync(new Uri("/protocol", UriKind.Relative));

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("https HTTP/2", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Protocols_from_configuration_are_honoured_over_tls()
    {
        await using var app = await StartAsync(
            "--Kestrel:Endpoints:Secure:Url=https://127.0.0.1:0",
            "--Kestrel:Endpoints:Secure:Protocols=Http1",
            $"--Kestrel:Endpoints:Secure:Certificate:Path={_certificate.Path}",
            $"--Kestrel:Endpoints:Secure:Certificate:Password={_certificate.Password}");
        var url = Assert.Single(app.Urls);
        using var http2 = _certificate.CreateClient(url, HttpVersion.Version20);
        using var http11 = _certificate.CreateClient(url);

        await Assert.ThrowsAsync<HttpRequestException>(() => http2.GetAsync(new Uri("/protocol", UriKind.Relative)));
        Assert.Equal("https HTTP/1.1", await http11.GetStringAsync(new Uri("/protocol", UriKind.Relative)));
    }

    [Fact]
    public async Task Http2_cleartext_is_served_when_the_endpoint_says_so()
    {
        await using var app = await StartAsync("--Kestrel:Endpoints:H2c:Url=http://127.0.0.1:0", "--Kestrel:Endpoints:H2c:Protocols=Http2");
        using var client = new HttpClient
        {
            BaseAddress = new Uri(Assert.Single(app.Urls)),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await client.GetAsync(new Uri("/protocol", UriKind.Relative));

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("http HTTP/2", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Endpoint_defaults_apply_to_addresses_from_urls()
    {
        await using var app = await StartAsync("--urls=http://127.0.0.1:0", "--Kestrel:EndpointDefaults:Protocols=Http2");
        using var client = new HttpClient
        {
            BaseAddress = new Uri(Assert.Single(app.Urls)),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        Assert.Equal("http HTTP/2", await client.GetStringAsync(new Uri("/protocol", UriKind.Relative)));
    }

    [Fact]
    public async Task Urls_with_https_use_the_default_certificate_from_configuration()
    {
        await using var app = await StartAsync(
            "--urls=https://127.0.0.1:0",
            $"--Kestrel:Certificates:Default:Path={_certificate.Path}",
            $"--Kestrel:Certificates:Default:Password={_certificate.Password}");
        using var client = _certificate.CreateClient(Assert.Single(app.Urls), HttpVersion.Version20);

        Assert.Equal("https HTTP/2", await client.GetStringAsync(new Uri("/protocol", UriKind.Relative)));
    }

    [Fact]
    public async Task A_wrong_certificate_password_fails_at_start()
    {
        var builder = PulyaApplication.CreateBuilder([
            "--Kestrel:Endpoints:Secure:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Secure:Certificate:Path={_certificate.Path}",
            "--Kestrel:Endpoints:Secure:Certificate:Password=wrong"]);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/", () => "x");

        await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
    }

    [Fact]
    public async Task A_slim_application_serves_https_once_it_opts_in()
    {
        string[] args = [
            "--Kestrel:Endpoints:Secure:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Secure:Certificate:Path={_certificate.Path}",
            $"--Kestrel:Endpoints:Secure:Certificate:Password={_certificate.Password}"];
        await using var without = PulyaApplication.CreateSlimBuilder(args).Build();
        without.MapGet("/", () => "x");
        var builder = PulyaApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration();
        await using var with = builder.Build();
        with.MapGet("/", () => "slim over tls");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => without.StartAsync());
        await with.StartAsync();
        using var client = _certificate.CreateClient(Assert.Single(with.Urls), HttpVersion.Version20);

        Assert.Contains("UseKestrelHttpsConfiguration", error.Message, StringComparison.Ordinal);
        Assert.Equal("slim over tls", await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        await with.StopAsync();
    }

    public void Dispose() => _certificate.Dispose();

    private static async Task<PulyaApplication> StartAsync(params string[] args)
    {
        var builder = PulyaApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/protocol", (PulyaRequest request) => request.Features.Get<IHttpRequestFeature>() is { } feature ? $"{feature.Scheme} {feature.Protocol}" : "none");
        await app.StartAsync();
        return app;
    }
}
