namespace Pulya.Advisor.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Advise_reads_its_options_and_uses_the_route_table_when_no_file_is_given()
    {
        var options = AdvisorOptions.Parse(["advise", "--project", "src/Api", "--rounds", "5", "--duration", "2.5", "--only", "Router, Pooling", "--counters", "off", "--no-build", "--app-args", "--Feature=on --X=1"]);

        Assert.Equal(("src/Api", 5, 2.5, false, false, true), (options.Project, options.Rounds, options.Duration, options.Counters, options.Build, options.Routes));
        Assert.True(options.Only!.SetEquals(["router", "pooling"]));
        Assert.Equal(["--Feature=on", "--X=1"], options.AppArguments);
    }

    [Fact]
    public void A_requests_file_replaces_the_route_table_unless_routes_is_given()
    {
        Assert.False(AdvisorOptions.Parse(["advise", "--project", "p", "--requests", "r.jsonl"]).Routes);
        Assert.True(AdvisorOptions.Parse(["advise", "--project", "p", "--access-log", "a.log", "--routes"]).Routes);
    }

    [Theory]
    [InlineData("--rounds", "0", "--rounds: '0' is not a whole number of at least 1.")]
    [InlineData("--duration", "-1", "--duration: '-1' is not a positive number of seconds.")]
    [InlineData("--counters", "maybe", "--counters: 'maybe' is not on or off.")]
    [InlineData("--colour", "red", "Unknown option '--colour'. See dotnet pulya --help.")]
    public void Bad_values_are_rejected_with_a_message(string option, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => AdvisorOptions.Parse(["advise", "--project", "p", option, value]));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_project_and_a_known_command_are_required_and_no_arguments_print_the_usage()
    {
        Assert.Contains("--project is required", Assert.Throws<ArgumentException>(() => AdvisorOptions.Parse(["advise"])).Message, StringComparison.Ordinal);
        Assert.Contains("Unknown command 'measure'", Assert.Throws<ArgumentException>(() => AdvisorOptions.Parse(["measure"])).Message, StringComparison.Ordinal);
        Assert.True(AdvisorOptions.Parse([]).Help);
        Assert.Contains("dotnet pulya advise --project PATH", AdvisorOptions.Usage, StringComparison.Ordinal);
    }
}
