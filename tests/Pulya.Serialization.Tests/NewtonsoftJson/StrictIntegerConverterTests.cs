using Newtonsoft.Json;

namespace Pulya.Serialization.Tests.NewtonsoftJson;

public sealed class StrictIntegerConverterTests
{
    [Fact]
    public void Writing_is_left_to_newtonsoft()
    {
        var converter = new StrictIntegerConverter();
        using var writer = new JsonTextWriter(new StringWriter());

        Assert.False(converter.CanWrite);
        Assert.Throws<NotSupportedException>(() => converter.WriteJson(writer, 1L, JsonSerializer.CreateDefault()));
    }
}
