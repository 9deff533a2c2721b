using System.Reflection;
using System.Text.RegularExpressions;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Platform;

/// <summary>
/// The layering of STYLE.md, checked on the sources and the built assemblies: Data alone speaks SQL and Npgsql (the
/// server names the driver only where it registers the data source), Core and Rendering know no database and no HTTP,
/// and Planning stays pure (no Data, no database).
/// </summary>
public partial class LayeringTests
{
    /// <summary>The one server file allowed to name the driver: where the data sources are registered.</summary>
    private const string RegistrationFile = "src/DesaGis.Server/Hosting/DatabaseRegistration.cs";

    private static IEnumerable<string> SourcesOf(string project) =>
        Directory.EnumerateFiles(RepositoryPaths.Combine("src", project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');

    private static List<string> FilesMentioning(string project, Regex pattern) =>
        SourcesOf(project).Where(f => pattern.IsMatch(File.ReadAllText(f))).Select(Relative).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Only_the_data_source_registration_of_the_server_names_Npgsql()
    {
        Assert.Equal([RegistrationFile], FilesMentioning("DesaGis.Server", NpgsqlWord()));
    }

    [Fact]
    public void The_server_has_no_SQL_of_its_own()
    {
        Assert.Empty(FilesMentioning("DesaGis.Server", SqlOnOurSchema()));
    }

    [Theory]
    [InlineData("DesaGis.Core")]
    [InlineData("DesaGis.Planning")]
    [InlineData("DesaGis.Rendering")]
    public void Core_planning_and_rendering_sources_know_no_database(string project)
    {
        Assert.Empty(FilesMentioning(project, NpgsqlWord()));
        Assert.Empty(FilesMentioning(project, SqlOnOurSchema()));
        Assert.Empty(FilesMentioning(project, new Regex(@"\bDesaGis\.(Data|Server)\b")));
    }

    [Fact]
    public void Planning_sources_do_not_use_the_data_project()
    {
        Assert.Empty(FilesMentioning("DesaGis.Planning", new Regex(@"\bDesaGis\.Data\b")));
    }

    [Theory]
    [InlineData("DesaGis.Core", new[] { "Npgsql", "DesaGis.Data", "DesaGis.Planning", "DesaGis.Rendering", "DesaGis.Server", "Microsoft.AspNetCore" })]
    [InlineData("DesaGis.Planning", new[] { "Npgsql", "DesaGis.Data", "DesaGis.Rendering", "DesaGis.Server", "Microsoft.AspNetCore" })]
    [InlineData("DesaGis.Rendering", new[] { "Npgsql", "DesaGis.Data", "DesaGis.Planning", "DesaGis.Server", "Microsoft.AspNetCore" })]
    [InlineData("DesaGis.Data", new[] { "DesaGis.Rendering", "DesaGis.Server", "Microsoft.AspNetCore" })]
    public void Assemblies_reference_only_what_their_layer_may(string assembly, string[] forbidden)
    {
        var referenced = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, r => forbidden.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("DesaGis.Core")]
    [InlineData("DesaGis.Planning")]
    [InlineData("DesaGis.Rendering")]
    [InlineData("DesaGis.Server")]
    public void Only_the_data_project_asks_for_the_driver_package(string project)
    {
        var csproj = File.ReadAllText(RepositoryPaths.Combine("src", project, project + ".csproj"));
        Assert.DoesNotContain("\"Npgsql", csproj, StringComparison.Ordinal);
        if (project != "DesaGis.Server") Assert.DoesNotContain("DesaGis.Data.csproj", csproj, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bNpgsql")]
    private static partial Regex NpgsqlWord();

    // A statement on our schema: the shape every query of ours has (FROM/JOIN/INTO/UPDATE desagis.…, keywords in capitals).
    [GeneratedRegex(@"\b(FROM|JOIN|INTO|UPDATE)\s+desagis\.")]
    private static partial Regex SqlOnOurSchema();
}
