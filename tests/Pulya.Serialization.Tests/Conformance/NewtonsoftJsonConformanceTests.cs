using Microsoft.Extensions.Options;
using Pulya.Testing.Conformance.Serialization;

namespace Pulya.Serialization.Tests.Conformance;

/// <summary>The serializer conformance suite against <c>NewtonsoftJson</c> with its default options.</summary>
public sealed class NewtonsoftJsonConformanceTests : JsonSerializerConformanceTests
{
    protected override IPulyaSerializer CreateSerializer() => new NewtonsoftJsonSerializer(Options.Create(new NewtonsoftJsonOptions()));
}
