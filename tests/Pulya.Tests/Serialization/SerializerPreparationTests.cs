using System.Buffers;
using Microsoft.Extensions.Logging;
using Pulya.Serialization;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;

namespace Pulya.Tests.Serialization;

public sealed class SerializerPreparationTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_negotiable_serializer_that_cannot_prepare_a_type_is_logged_not_fatal(TestTransport transport)
    {
        var logs = new CapturedLogs();
        await using var client = await PulyaTestClient.StartAsync(
            transport,
            app => app.MapGet("/", () => new NumberedItem(1)),
            builder =>
            {
                builder.Logging.ClearProviders().AddProvider(logs);
                builder.Pulya.AddSerializer<PickySerializer>("Picky");
            });

        Assert.Equal("{\"id\":1}", await client.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
        // Negotiable formats are prepared once the server listens, off the first response's path.
        await logs.WaitForAsync(e => e.Level == LogLevel.Warning && e.Message.Contains("PickySerializer cannot handle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_default_serializer_failing_to_prepare_a_type_stops_the_start_up()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => new NumberedItem(1)),
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Pulya.AddSerializer<PickySerializer>("Picky");
            },
            "--Pulya:Serializer=Picky"));

        Assert.Contains("NumberedItem", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A serializer that refuses to prepare any type, like MessagePack with a non-public type.</summary>
    public sealed class PickySerializer : IPulyaSerializer
    {
        public string ContentType => "application/x-picky";

        public IReadOnlyList<string> MediaTypes => ["application/x-picky"];

        public void Prepare(Type type) => throw new NotSupportedException($"{type.Name} is not supported.");

        public void Serialize(IBufferWriter<byte> output, object? value, Type type) => throw new NotSupportedException();

        public object? Deserialize(ReadOnlySequence<byte> body, Type type) => throw new NotSupportedException();
    }
}
