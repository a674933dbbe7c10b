using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Pulya.Http;

namespace Pulya.Abstractions.Tests.Http;

public sealed class HeadersTests
{
    private static HeaderDictionary Server() => new()
    {
        ["Content-Type"] = "application/json",
        ["X-Multi"] = new StringValues(["one", "two", "three"]),
    };

    [Fact]
    public void Lookups_are_case_insensitive_without_copying()
    {
        var server = Server();
        var headers = new Headers(server);

        Assert.Equal("application/json", headers.Get("content-type"));
        Assert.True(headers.Contains("CONTENT-TYPE"));
        Assert.Null(headers.Get("X-Missing"));
        Assert.Equal(2, headers.Count);

        server["X-Late"] = "seen";
        Assert.Equal("seen", headers.Get("x-late"));
    }

    [Theory]
    [InlineData(HeaderStrategy.First, "one")]
    [InlineData(HeaderStrategy.Last, "three")]
    [InlineData(HeaderStrategy.Warn, "one")]
    public void Strategies_choose_among_several_values(HeaderStrategy strategy, string expected)
    {
        Assert.Equal(expected, new Headers(Server()).Get("x-multi", strategy));
    }

    [Fact]
    public void Default_strategy_applies_to_get_without_strategy()
    {
        var headers = new Headers(Server(), HeaderStrategy.Last);

        Assert.Equal(HeaderStrategy.Last, headers.DefaultStrategy);
        Assert.Equal("three", headers.Get("X-Multi"));
    }

    [Fact]
    public void Forbid_throws_a_dedicated_exception_naming_the_header()
    {
        var error = Assert.Throws<DuplicateHeaderException>(() => new Headers(Server()).Get("X-Multi", HeaderStrategy.Forbid));

        Assert.Equal("X-Multi", error.Name);
        Assert.Equal(3, error.Count);
        Assert.Contains("'X-Multi'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forbid_accepts_a_single_value()
    {
        Assert.Equal("application/json", new Headers(Server()).Get("Content-Type", HeaderStrategy.Forbid));
    }

    [Fact]
    public void Warn_logs_a_warning_and_takes_the_first()
    {
        var logger = new ListLogger();
        var headers = new Headers(Server(), HeaderStrategy.Warn, logger);

        Assert.Equal("one", headers.Get("X-Multi"));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("X-Multi", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_list_add_set_set_list_and_remove()
    {
        var headers = new Headers(Server());

        Assert.Equal("one,two,three", headers.GetList("x-multi").ToString());
        Assert.Empty(headers.GetList("x-none").ToArray());

        headers.Add("X-New", "a");
        headers.Add("x-new", "b");
        Assert.Equal("a,b", headers.GetList("X-NEW").ToString());

        headers.Set("X-New", "c");
        Assert.Equal("c", headers.GetList("X-New").ToString());

        headers.SetList("X-New", ["d", "e"]);
        Assert.Equal("d,e", headers.GetList("X-New").ToString());

        headers.SetList("X-New", []);
        Assert.False(headers.Contains("X-New"));

        Assert.True(headers.Remove("X-Multi"));
        Assert.False(headers.Remove("X-Multi"));
        Assert.Throws<ArgumentNullException>(() => headers.SetList("X", null!));
    }

    [Fact]
    public void Enumerates_names_with_all_their_values()
    {
        var headers = new Headers(Server());

        var all = headers.ToDictionary(h => h.Key, h => h.Value.ToArray());
        var untyped = 0;
        var enumerator = ((System.Collections.IEnumerable)headers).GetEnumerator();
        while (enumerator.MoveNext())
        {
            untyped++;
        }

        Assert.Equal("one,two,three", string.Join(',', all["X-Multi"]));
        Assert.Equal(2, untyped);
    }

    [Fact]
    public void A_reused_view_sees_only_the_collection_it_is_attached_to()
    {
        var headers = new Headers(Server());
        var next = new HeaderDictionary { ["X-Next"] = "2" };

        headers.Attach(next, HeaderStrategy.Last, null);

        Assert.Null(headers.Get("Content-Type"));
        Assert.Equal("2", headers.Get("x-next"));
        Assert.Equal(HeaderStrategy.Last, headers.DefaultStrategy);
    }

    [Fact]
    public void Refuses_a_null_collection()
    {
        Assert.Throws<ArgumentNullException>(() => new Headers(null!));
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
