namespace Pulya.LoadTest.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Without_check_nothing_is_gated()
    {
        Assert.Null(LoadTestOptions.Parse([]).CheckGates);
    }

    [Fact]
    public void Check_alone_gates_the_roadmap_and_the_ceiling()
    {
        Assert.Equal(Report.DefaultGates, LoadTestOptions.Parse(["--check", "--no-build"]).CheckGates);
        Assert.Equal(Report.DefaultGates, LoadTestOptions.Parse(["--check"]).CheckGates);
    }

    [Fact]
    public void The_caller_chooses_the_gates()
    {
        Assert.Equal([Report.Roadmap], LoadTestOptions.Parse(["--check", "roadmap"]).CheckGates!);
    }

    [Fact]
    public void An_unknown_gate_is_refused()
    {
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--check", "speed"]));
    }

    [Fact]
    public void Profile_args_names_the_profile_to_print()
    {
        Assert.Equal("optimized", LoadTestOptions.Parse(["--profile-args", "optimized"]).ProfileArguments);
    }

    [Fact]
    public void Scenario_headers_names_the_scenario_to_print()
    {
        Assert.Equal("api-user", LoadTestOptions.Parse(["--scenario-headers", "api-user"]).ScenarioHeaders);
    }
}
