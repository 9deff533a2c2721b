using System.Reflection;

namespace DesaGis.Rendering.Styles;

/// <summary>
/// Finds the style printed maps use: the repository's <c>styles/desagis.json</c> (the one the web viewer shows),
/// in a configured folder or found by walking up from the application; else the bundled print style.
/// </summary>
public static class StyleLocator
{
    public const string MainStyleFile = "desagis.json";
    public const string EnvironmentVariable = "DESAGIS_STYLES";

    /// <summary>The path of the main style, or null when none is found.</summary>
    public static string? FindMainStyle(string? stylesDirectory = null)
    {
        var configured = stylesDirectory ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            var path = Path.Combine(configured, MainStyleFile);
            return File.Exists(path) ? path : null;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "styles", MainStyleFile);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The main style when it exists, else the bundled print style.</summary>
    public static MapStyle LoadMainOrDefault(string? stylesDirectory = null) =>
        FindMainStyle(stylesDirectory) is { } path ? MapStyle.Load(path) : LoadDefault();

    /// <summary>The bundled print style (same layer ids and dialect as the main style).</summary>
    public static MapStyle LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DesaGis.Rendering.Styles.print-default.json")
            ?? throw new StyleException("The bundled print style is missing from DesaGis.Rendering; the build is broken.");
        using var reader = new StreamReader(stream);
        return MapStyle.Parse(reader.ReadToEnd(), "desagis-print-default");
    }
}
