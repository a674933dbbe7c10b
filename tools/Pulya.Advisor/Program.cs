using Pulya.Advisor;
using Pulya.Advisor.Hosting;

AdvisorOptions options;
try
{
    options = AdvisorOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(AdvisorOptions.Usage);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var application = await Application.PrepareAsync(options.Project!, options.Build, options.AppArguments, Console.Out);
    return await Advice.RunAsync(options, application, new BuiltInClient(), Console.Out, cancel.Token);
}
catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
