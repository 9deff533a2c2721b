namespace DesaGis.Testing;

/// <summary>
/// The real Indonesian geodata kept beside the repository (../shared/geodata), read in place. Tests that need it use
/// <see cref="GeodataFactAttribute"/>: they are skipped only when it is absent and CI is not set.
/// </summary>
public static class SharedGeodata
{
    /// <summary>The folder, from DESAGIS_SHARED_GEODATA or found by walking up from the test binaries.</summary>
    public static string? Directory { get; } = Find();

    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The full path of a file in the shared geodata; fails with an explanation when it is missing.</summary>
    public static string File(string relativePath)
    {
        var dir = Directory ?? throw new InvalidOperationException(
            "The shared geodata folder (../shared/geodata beside the repository) was not found; set DESAGIS_SHARED_GEODATA.");
        var path = Path.Combine(dir, relativePath);
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"Shared geodata file missing: {path}", path);
        return path;
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("DESAGIS_SHARED_GEODATA") is { Length: > 0 } env && System.IO.Directory.Exists(env))
            return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "geodata");
            if (System.IO.Directory.Exists(candidate) && System.IO.File.Exists(Path.Combine(candidate, "README.md"))) return candidate;
        }
        return null;
    }
}
