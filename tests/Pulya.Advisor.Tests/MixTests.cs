using System.Text;
using System.Text.Json.Nodes;
using Pulya.Advisor.Mix;

namespace Pulya.Advisor.Tests;

public sealed class MixTests
{
    private const string Table = """
        {
          "selected": { "Router": "Linear", "Serializer": "SystemTextJson", "Binder": "Compiled", "PoolProvider": "None" },
          "registered": { "Router": ["Linear", "Trie"], "Serializer": ["SystemTextJson", "MessagePack"], "Binder": ["Compiled"], "PoolProvider": ["None"], "Section": ["RouteCache"] },
          "sections": { "RouteCache": false },
          "routes": [
            { "method": "GET", "template": "/orders/{id:guid}", "parameters": [ { "source": "route", "name": "id", "constraint": "guid", "schema": { "type": "string", "format": "uuid" } } ] },
            { "method": "GET", "template": "/customers/{customerId:long}/orders", "parameters": [
                { "source": "route", "name": "customerId", "constraint": "long", "schema": { "type": "integer" } },
                { "source": "query", "name": "page", "schema": { "type": ["integer", "null"] } },
                { "source": "query", "name": "sort order", "schema": { "enum": ["newest", "oldest"] } },
                { "source": "header", "name": "X-Tenant", "schema": { "type": ["string", "null"] } } ] },
            { "method": "GET", "template": "/files/{*path}", "parameters": [ { "source": "route", "name": "path", "catchAll": true, "schema": { "type": "string" } } ] },
            { "method": "GET", "template": "/flags/{on}/{at}", "parameters": [
                { "source": "route", "name": "on", "schema": { "type": "boolean" } },
                { "source": "route", "name": "at", "schema": { "type": "string", "format": "date-time" } } ] },
            { "method": "POST", "template": "/orders", "parameters": [], "bodyType": "Orders.NewOrder", "body": {
                "type": ["object", "null"],
                "properties": {
                  "customerId": { "type": "integer" },
                  "price": { "type": "number" },
                  "express": { "type": "boolean" },
                  "lines": { "type": "array", "items": { "type": "object", "properties": { "sku": { "type": "string" }, "quantity": { "type": "integer" } } } },
                  "note": { "type": ["string", "null"] },
                  "when": { "type": "string", "format": "date" },
                  "anything": { }
                } } }
          ]
        }
        """;

    [Fact]
    public void The_route_table_gives_one_request_per_route_with_values_from_constraints_and_types()
    {
        var requests = RouteTable.Parse(Table).Requests();

        Assert.Equal(
            [
                $"GET /orders/{ExampleValues.Guid}",
                "GET /customers/1/orders?page=1&sort%20order=newest",
                "GET /files/example/path",
                "GET /flags/true/2024-01-02T03%3A04%3A05Z",
                "POST /orders",
            ],
            requests.Select(r => $"{r.Request.Method} {r.Request.Path}"));
        Assert.Equal(new KeyValuePair<string, string>("X-Tenant", "example"), requests[1].Request.Headers.Single());
        Assert.Equal("GET /customers/{customerId:long}/orders", requests[1].Label);
        Assert.All(requests, r => Assert.Equal("routes", r.Source));
    }

    [Fact]
    public void A_body_is_generated_from_the_body_schema_and_sent_as_JSON()
    {
        var post = RouteTable.Parse(Table).Requests()[^1].Request;

        Assert.Contains(new KeyValuePair<string, string>("Content-Type", "application/json"), post.Headers);
        var body = JsonNode.Parse(post.Body)!;
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"customerId":1,"price":1.5,"express":true,"lines":[{"sku":"example","quantity":1}],"note":"example","when":"2024-01-02","anything":null}"""),
            body));
    }

    [Fact]
    public void The_table_lists_the_selected_and_registered_modules_and_the_sections()
    {
        var table = RouteTable.Parse(Table);

        Assert.Equal("Linear", table.Selected("Router"));
        Assert.Equal(["Linear", "Trie"], table.Registered("Router"));
        Assert.Empty(table.Registered("Unknown"));
        Assert.Equal([("RouteCache", false)], table.Sections);
    }

    [Fact]
    public void Recorded_requests_are_one_JSON_object_a_line_with_optional_method_headers_and_body()
    {
        string[] lines =
        [
            "# recorded on Monday",
            """{"path":"/health"}""",
            "",
            """{"method":"post","path":"/orders","headers":{"Authorization":"Bearer t"},"body":{"id":1}}""",
            """{"method":"PUT","path":"/notes/1","headers":{"Content-Type":"text/plain"},"body":"hello"}""",
        ];

        var requests = RecordedRequests.Parse("requests.jsonl", lines);

        Assert.Equal(3, requests.Count);
        Assert.Equal(("GET", "/health", 0), (requests[0].Request.Method, requests[0].Request.Path, requests[0].Request.Headers.Count));
        Assert.Null(requests[0].Request.Body);
        Assert.Equal("POST", requests[1].Request.Method);
        Assert.Equal("""{"id":1}""", Encoding.UTF8.GetString(requests[1].Request.Body!));
        Assert.Equal([new("Authorization", "Bearer t"), new("Content-Type", "application/json")], requests[1].Request.Headers);
        Assert.Equal("hello", Encoding.UTF8.GetString(requests[2].Request.Body!));
        Assert.Equal([new("Content-Type", "text/plain")], requests[2].Request.Headers);
        Assert.Equal("POST /orders (line 4)", requests[1].Label);
        Assert.Equal("requests.jsonl", requests[1].Source);
    }

    [Theory]
    [InlineData("GET /x", "r.jsonl:1: not JSON")]
    [InlineData("[1,2]", "r.jsonl:1: a line must be a JSON object")]
    [InlineData("""{"method":"GET"}""", "r.jsonl:1: \"path\" is missing")]
    [InlineData("""{"path":"health"}""", "r.jsonl:1: \"path\" must start with '/'")]
    public void A_bad_recorded_line_is_reported_with_its_line_number(string line, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => RecordedRequests.Parse("r.jsonl", [line]));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_access_log_in_common_or_combined_format_gives_method_and_path()
    {
        string[] lines =
        [
            """127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /orders?page=2 HTTP/1.1" 200 2326""",
            """10.0.0.2 - - [10/Oct/2000:13:55:37 -0700] "DELETE /orders/7 HTTP/1.1" 204 0 "https://example.com/" "Mozilla/5.0" """,
            "not a log line",
            """10.0.0.3 - - [10/Oct/2000:13:55:38 -0700] "CONNECT example.com:443 HTTP/1.1" 200 0""",
        ];

        var requests = RecordedRequests.ParseAccessLog("access.log", lines);

        Assert.Equal(["GET /orders?page=2", "DELETE /orders/7"], requests.Select(r => $"{r.Request.Method} {r.Request.Path}"));
        Assert.Equal("DELETE /orders/7 (line 2)", requests[1].Label);
    }

    [Fact]
    public void Requests_are_encoded_with_the_servers_host_unless_they_name_one_and_with_the_body_length()
    {
        var plain = Encoding.UTF8.GetString(HttpRequestData.Json("POST", "/echo", "{}"u8.ToArray()).Encode("127.0.0.1:5000"));
        var named = Encoding.UTF8.GetString(new HttpRequestData("GET", "/", [new("Host", "localhost"), new("Content-Length", "99")], null).Encode("127.0.0.1:5000"));

        Assert.Equal("POST /echo HTTP/1.1\r\nHost: 127.0.0.1:5000\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", plain);
        Assert.Equal("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", named);
    }
}
