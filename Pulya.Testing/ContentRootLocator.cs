using System.Reflection;

namespace Pulya.Testing;

/// <summary>
/// Finds an application's project folder from the test's output folder, as <c>WebApplicationFactory</c> does with a
/// solution-relative content root: walking up from the output folder, a folder named after the application's assembly
/// holding <c>&lt;name&gt;.csproj</c>, next to the folder walked through or one level below it (<c>src/</c>,
/// <c>samples/</c>). The walk stops at the repository's root (a folder with a solution file or <c>.git</c>).
/// That folder is where <c>dotnet run</c> finds <c>appsettings.json</c>, whether or not the build copies it to the tests.
/// </summary>
internal static class ContentRootLocator
{
    /// <summary>The project folder of <paramref name="application"/> above <paramref name="start"/>, or null.</summary>
    public static string? Find(Assembly application, string start)
    {
        var name = application.GetName().Name!;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (ProjectFolder(directory, name) is { } found)
            {
                return found;
            }

            foreach (var child in directory.EnumerateDirectories())
            {
                if (ProjectFolder(child, name) is { } nested)
                {
                    return nested;
                }
            }

            if (directory.EnumerateFiles("*.sln").Any() || directory.EnumerateFiles("*.slnx").Any() || Directory.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Why the application may miss its settings: the sentence a failed start adds when no project folder was found.</summary>
    public static string Missing(Assembly application, string start)
    {
        var name = application.GetName().Name!;
        return $"The content root of {name} could not be located: no folder {name} holding {name}.csproj was found above {start}, "
            + "and the test output holds no appsettings.json. If the application reads appsettings.json, copy it to the test output "
            + $"(<Content Include=\"path/to/{name}/appsettings.json\" CopyToOutputDirectory=\"PreserveNewest\" />) or call UseContentRoot(path).";
    }

    private static string? ProjectFolder(DirectoryInfo parent, string name)
    {
        var folder = Path.Combine(parent.FullName, name);
        return File.Exists(Path.Combine(folder, name + ".csproj")) ? folder : null;
    }
}
