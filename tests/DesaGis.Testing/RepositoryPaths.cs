namespace DesaGis.Testing;

/// <summary>Paths inside the repository (styles/, geodata/), found by walking up from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DesaGis.sln"))) return dir.FullName;
        throw new InvalidOperationException("Could not find the repository root (DesaGis.sln) above " + AppContext.BaseDirectory);
    }
}
