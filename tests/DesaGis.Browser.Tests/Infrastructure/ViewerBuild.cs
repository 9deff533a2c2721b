using DesaGis.Testing;

namespace DesaGis.Browser.Tests.Infrastructure;

/// <summary>The built viewer (wwwroot/viewer/dist) that the server serves; `make viewer` builds it.</summary>
public static class ViewerBuild
{
    public static string DistFolder { get; } = RepositoryPaths.Combine("src", "DesaGis.Server", "wwwroot", "viewer", "dist");

    public static void EnsureBuilt()
    {
        if (!File.Exists(Path.Combine(DistFolder, "index.html")))
            throw new InvalidOperationException(
                $"The viewer is not built ({DistFolder} has no index.html). Run 'make viewer' (scripts/viewer.sh) first; 'make test' does.");
    }
}
