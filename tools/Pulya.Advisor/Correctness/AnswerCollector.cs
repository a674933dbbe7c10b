using System.Net;
using Pulya.Advisor.Mix;

namespace Pulya.Advisor.Correctness;

/// <summary>Sends every request of the mix once, in order, to the application on 127.0.0.1 and keeps each answer.</summary>
internal static class AnswerCollector
{
    /// <summary>The host name every request carries, whatever the port (an application that echoes it answers alike).</summary>
    public const string Host = "localhost";

    public static async Task<IReadOnlyList<Answer>> CollectAsync(int port, IReadOnlyList<MixRequest> mix, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var answers = new List<Answer>(mix.Count);
        foreach (var item in mix)
        {
            using var request = new HttpRequestMessage(new HttpMethod(item.Request.Method), item.Request.Path);
            request.Headers.Host = Host;
            if (item.Request.Body is { } body)
            {
                request.Content = new ByteArrayContent(body);
            }

            foreach (var (name, value) in item.Request.Headers)
            {
                if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
                {
                    request.Headers.Host = value;
                }
                else if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content ??= new ByteArrayContent([]);
                    request.Content.Headers.Remove(name);
                    request.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using var response = await client.SendAsync(request, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            answers.Add(new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, bytes));
        }

        return answers;
    }

    /// <summary>The mix with every request carrying <see cref="Host"/> unless it names its own, as the load client sends it.</summary>
    public static IReadOnlyList<HttpRequestData> ForLoad(IEnumerable<MixRequest> mix) =>
        [.. mix.Select(m => m.Request.Headers.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            ? m.Request
            : m.Request with { Headers = [new("Host", Host), .. m.Request.Headers] })];
}
