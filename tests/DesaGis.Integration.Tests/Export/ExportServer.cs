using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Export;

/// <summary>
/// The server with the export tests' own copy of the viewer style, so that the colours and legend the tests look
/// for do not move when styles/desagis.json evolves.
/// </summary>
public sealed class ExportServer(PostgisDatabase database) : DesaGisServer(database)
{
    public static string StylesDirectory => Path.Combine(AppContext.BaseDirectory, "Export", "Styles");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DesaGis:StylesDirectory"] = StylesDirectory,
    };
}
