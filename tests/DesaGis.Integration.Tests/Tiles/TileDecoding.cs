using System.Diagnostics;
using DesaGis.Core.Tiles;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>Reads tiles the way clients do: NetTopologySuite's MVT reader and GDAL's MVT driver (ogrinfo).</summary>
public static class TileDecoding
{
    public static VectorTile Decode(byte[] mvt, TileCoord tile)
    {
        using var stream = new MemoryStream(mvt);
        return new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z));
    }

    /// <summary>ogrinfo's full report of an MVT file (written under the tile's z/x/y name so GDAL knows the tile).</summary>
    public static async Task<string> OgrinfoAsync(byte[] mvt, TileCoord tile)
    {
        var dir = Path.Combine(Path.GetTempPath(), "desagis-mvt-" + Guid.NewGuid().ToString("N"), tile.Z.ToString(), tile.X.ToString());
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{tile.Y}.pbf");
        await File.WriteAllBytesAsync(file, mvt);
        try
        {
            return await RunAsync("ogrinfo", "-ro", "-al", "-oo", $"Z={tile.Z}", "-oo", $"X={tile.X}", "-oo", $"Y={tile.Y}", "MVT:" + file);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(dir))!, recursive: true);
        }
    }

    public static async Task<string> RunAsync(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }
}
