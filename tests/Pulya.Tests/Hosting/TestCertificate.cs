using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pulya.Tests.Hosting;

/// <summary>A self-signed server certificate for 127.0.0.1, exported to a password-protected PFX file that is deleted on dispose.</summary>
internal sealed class TestCertificate : IDisposable
{
    public TestCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Thumbprint = certificate.Thumbprint;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pulya-test-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, Password));
    }

    public string Password { get; } = Guid.NewGuid().ToString("N");

    public string Path { get; }

    public string Thumbprint { get; }

    /// <summary>A client that trusts this certificate only, asking for <paramref name="version"/> exactly.</summary>
    public HttpClient CreateClient(string baseAddress, Version? version = null)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == Thumbprint },
        };
        return new HttpClient(handler)
        {
            BaseAddress = new Uri(baseAddress),
            DefaultRequestVersion = version ?? HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public void Dispose() => File.Delete(Path);
}
