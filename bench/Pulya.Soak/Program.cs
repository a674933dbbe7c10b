using Pulya.Soak;

if (args.Length > 0 && args[0] == "server")
{
    return await SoakServer.RunAsync(args[1..]);
}

SoakOptions options;
try
{
    options = SoakOptions.Parse(args.Length > 0 && args[0] == "run" ? args[1..] : args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var failed = false;
foreach (var profile in options.Profiles)
{
    var result = await SoakRunner.RunAsync(SoakProfile.Load(profile), options);
    SoakReport.Write(result, options);
    failed |= !result.Passed;
}

return failed ? 1 : 0;
