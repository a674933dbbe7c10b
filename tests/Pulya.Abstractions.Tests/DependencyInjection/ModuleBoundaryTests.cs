using System.Xml.Linq;

namespace Pulya.Abstractions.Tests.DependencyInjection;

/// <summary>The dependency direction of the plugin boundary: modules build on the contracts, never on the core.</summary>
public sealed class ModuleBoundaryTests
{
    [Theory]
    [InlineData("Pulya.Routing.Trie")]
    [InlineData("Pulya.Routing.Cached")]
    [InlineData("Pulya.Serialization")]
    [InlineData("Pulya.Pooling")]
    public void A_module_references_only_Pulya_Abstractions(string module)
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), module, module + ".csproj"));

        var references = project.Descendants("ProjectReference").Select(r => Path.GetFileName(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToList();

        Assert.Equal(["Pulya.Abstractions.csproj"], references);
    }

    [Fact]
    public void Pulya_Abstractions_references_no_other_project()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "Pulya.Abstractions", "Pulya.Abstractions.csproj"));

        Assert.Empty(project.Descendants("ProjectReference"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulya.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Pulya.sln was not found above " + AppContext.BaseDirectory);
    }
}
