using Pulya.Testing.Conformance.Serialization;
using Pulya.Serialization;

namespace Pulya.Tests.Serialization;

/// <summary>The serializer conformance suite against the core's <c>SystemTextJson</c> serializer.</summary>
public sealed class SystemTextJsonConformanceTests : JsonSerializerConformanceTests
{
    protected override IPulyaSerializer CreateSerializer() => new SystemTextJsonSerializer();
}
