using Microsoft.Extensions.Options;
using Pulya.Conformance.Serialization;

namespace Pulya.Serialization.Tests.Conformance;

/// <summary>The serializer conformance suite against <c>MessagePack</c> with its default options.</summary>
public sealed class MessagePackConformanceTests : SerializerConformanceTests
{
    protected override IPulyaSerializer CreateSerializer() => new MessagePackSerializer(Options.Create(new MessagePackOptions()));
}
