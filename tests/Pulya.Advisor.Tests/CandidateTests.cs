using Pulya.Advisor.Candidates;
using Pulya.Advisor.Mix;
using Pulya.Advisor.Reporting;

namespace Pulya.Advisor.Tests;

public sealed class CandidateTests
{
    private static readonly RouteTable Table = RouteTable.Parse("""
        {
          "selected": { "Router": "Linear", "Serializer": "SystemTextJson", "Binder": "Compiled", "PoolProvider": "None" },
          "registered": { "Router": ["Linear", "Trie"], "Serializer": ["SystemTextJson", "NewtonsoftJson"], "Binder": ["Compiled", "Generated"], "PoolProvider": ["None"], "Section": ["RouteCache", "Pooling"] },
          "sections": { "RouteCache": false, "Pooling": true },
          "routes": []
        }
        """);

    [Fact]
    public void One_switch_at_a_time_away_from_what_the_application_selects()
    {
        var names = CandidatePlanner.Singles(Table).Select(c => c.Name);

        Assert.Equal(["Router=Trie", "Serializer=NewtonsoftJson", "Binder=Generated", "RouteCache:Enabled=true", "Pooling:Enabled=false"], names);
    }

    [Fact]
    public void Only_keeps_the_switches_named_by_kind_section_or_value()
    {
        var only = new HashSet<string>(["Router", "Pooling", "Generated"], StringComparer.OrdinalIgnoreCase);

        Assert.Equal(["Router=Trie", "Binder=Generated", "Pooling:Enabled=false"], CandidatePlanner.Singles(Table, only).Select(c => c.Name));
    }

    [Fact]
    public void The_full_product_has_every_combination_but_the_defaults()
    {
        var product = CandidatePlanner.Product(Table);

        Assert.Equal((2 * 2 * 2 * 2 * 2) - 1, product.Count);
        Assert.Contains(product, c => c.Name == "Router=Trie + Serializer=NewtonsoftJson + Binder=Generated + RouteCache:Enabled=true + Pooling:Enabled=false");
        Assert.DoesNotContain(product, c => c.IsDefaults);
    }

    [Fact]
    public void Settings_become_command_line_arguments_and_an_appsettings_snippet()
    {
        var combination = Candidate.Combine([new([new("Router", "Trie")]), new([new("RouteCache:Enabled", "true")])]);

        Assert.Equal(["--Pulya:Router=Trie", "--Pulya:RouteCache:Enabled=true"], combination.Arguments);
        Assert.Equal("""
            {
              "Pulya": {
                "Router": "Trie",
                "RouteCache": {
                  "Enabled": true
                }
              }
            }
            """.ReplaceLineEndings("\n"), AdvisorReport.Snippet(combination).ReplaceLineEndings("\n"));
        Assert.Equal("defaults", Candidate.Defaults.Name);
    }
}
