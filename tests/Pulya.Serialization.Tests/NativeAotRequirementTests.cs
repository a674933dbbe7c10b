using Pulya.Serialization;

namespace Pulya.Serialization.Tests;

public sealed class NativeAotRequirementTests
{
    [Fact]
    public void Without_dynamic_code_the_serializers_refuse_to_start_naming_the_alternative()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DynamicCodeRequirement.Require(dynamicCodeSupported: false, "NewtonsoftJson"));

        Assert.Equal("The NewtonsoftJson serializer cannot run under Native AOT: it needs reflection and dynamic code. Use SystemTextJson with a JsonSerializerContext (AddJsonTypeInfoResolver).", error.Message);
        DynamicCodeRequirement.Require(dynamicCodeSupported: true, "NewtonsoftJson");
    }
}
