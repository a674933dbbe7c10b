using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Pulya.Testing;

namespace Pulya.Tests.Binding;

/// <summary>The Compiled binder, selected explicitly now that Generated is the default, on sources the generated suite leaves to the generator.</summary>
public sealed class CompiledBinderSourcesTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_caller_the_http_context_and_a_plain_task_bind_under_the_compiled_binder(TestTransport transport)
    {
        string? seen = null;
        await using var client = await TestApp.StartAsync(transport, app => app.MapGet("/who", async (ClaimsPrincipal user, HttpContext http) =>
        {
            await Task.Yield();
            seen = $"{user.Identity?.IsAuthenticated} {http.Request.Path}";
        }), null, "--Pulya:Binder=Compiled");

        using var response = await client.Client.GetAsync(TestApp.Path("/who"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("False /who", seen);
    }
}
