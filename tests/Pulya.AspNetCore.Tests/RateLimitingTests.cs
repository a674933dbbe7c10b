using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Testing;
using static Pulya.AspNetCore.Tests.BridgeApp;

namespace Pulya.AspNetCore.Tests;

public sealed class RateLimitingTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_fixed_window_partitioned_per_user_answers_429_with_Retry_After_and_DisableRateLimiting_exempts(TestTransport transport)
    {
        await using var client = await StartAsync(
            transport,
            app =>
            {
                app.UseAspNetCore(web =>
                {
                    web.UseAuthentication();
                    web.UseRateLimiter();
                });
                var api = app.MapGroup("/api").RequireRateLimiting("per-user");
                api.MapGet("/work", (ClaimsPrincipal user) => $"work for {user.Identity!.Name ?? "anonymous"}");
                api.MapGet("/health", () => "ok").DisableRateLimiting();
            },
            builder =>
            {
                builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(Configure);
                builder.Services.AddRateLimiter(o =>
                {
                    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    o.OnRejected = (context, _) =>
                    {
                        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                        {
                            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        }

                        return ValueTask.CompletedTask;
                    };
                    o.AddPolicy("per-user", http => RateLimitPartition.GetFixedWindowLimiter(
                        http.User.Identity?.Name ?? "anonymous",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
                });
            });

        var alice = Token("alice");
        using var first = await client.Client.SendAsync(Request(HttpMethod.Get, "/api/work", alice));
        using var second = await client.Client.SendAsync(Request(HttpMethod.Get, "/api/work", alice));
        using var bob = await client.Client.SendAsync(Request(HttpMethod.Get, "/api/work", Token("bob")));
        using var health1 = await client.Client.SendAsync(Request(HttpMethod.Get, "/api/health", alice));
        using var health2 = await client.Client.SendAsync(Request(HttpMethod.Get, "/api/health", alice));

        Assert.Equal("work for alice", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.InRange(int.Parse(second.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        Assert.Equal("work for bob", await bob.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health2.StatusCode);
    }
}
