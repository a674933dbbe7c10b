namespace Pulya.Sample.Aot.Tests;

/// <summary>
/// A test of the natively published sample. Publishing takes minutes (about 1 on a quiet 2-core machine, 5 on a busy
/// one), so these tests run only when <c>PULYA_AOT_E2E=1</c>; otherwise they are reported as skipped, saying why.
/// </summary>
public sealed class NativeAotFactAttribute : FactAttribute
{
    public NativeAotFactAttribute()
    {
        if (!NativeSample.Enabled)
        {
            Skip = "Set PULYA_AOT_E2E=1 to publish the sample with Native AOT and run it (takes minutes).";
        }
    }
}
