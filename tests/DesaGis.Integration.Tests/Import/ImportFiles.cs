using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace DesaGis.Integration.Tests.Import;

/// <summary>Writes small import fixtures (GeoJSON, Shapefile, GeoPackage, CSV) into a temporary folder of its own.</summary>
public sealed class ImportFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("desagis-import-test-").FullName;

    public static Geometry Wkt(string wkt, int srid = 4326)
    {
        var g = new WKTReader().Read(wkt);
        g.SRID = srid;
        return g;
    }

    public string Text(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>A FeatureCollection from raw feature JSON strings, with an optional legacy crs member.</summary>
    public string GeoJson(string name, IEnumerable<string> features, string? crs = null)
    {
        var crsMember = crs is null ? "" : $"\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"{crs}\"}}}},";
        return Text(name, $"{{\"type\":\"FeatureCollection\",{crsMember}\"features\":[{string.Join(",", features)}]}}");
    }

    /// <summary>One GeoJSON feature; <paramref name="geometryJson"/> is written as is (so broken geometries can be written).</summary>
    public static string Feature(IReadOnlyDictionary<string, object?> properties, string geometryJson)
    {
        var props = string.Join(",", properties.Select(p => $"{System.Text.Json.JsonSerializer.Serialize(p.Key)}:{System.Text.Json.JsonSerializer.Serialize(p.Value)}"));
        return $"{{\"type\":\"Feature\",\"properties\":{{{props}}},\"geometry\":{geometryJson}}}";
    }

    public static string PolygonJson(params (double X, double Y)[] ring) =>
        "{\"type\":\"Polygon\",\"coordinates\":[[" +
        string.Join(",", ring.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.X},{p.Y}]"))) + "]]}";

    /// <summary>A square ring of the given size with its lower-left corner at (x, y).</summary>
    public static (double X, double Y)[] Square(double x, double y, double size) =>
        [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)];

    /// <summary>A shapefile (with .prj and a UTF-8 .cpg) of polygon features with kode and nama attributes.</summary>
    public string Shapefile(string name, IEnumerable<(string Kode, string Nama, Geometry Geometry)> rows, string? prjWkt)
    {
        var shp = Path.Combine(Directory, name + ".shp");
        var features = rows.Select(r =>
        {
            var attributes = new AttributesTable { { "KDEPUM", r.Kode }, { "NAMOBJ", r.Nama } };
            return (IFeature)new Feature(r.Geometry, attributes);
        }).ToList();
        NetTopologySuite.IO.Esri.Shapefile.WriteAllFeatures(features, shp, projection: prjWkt, encoding: Encoding.UTF8);
        File.WriteAllText(Path.ChangeExtension(shp, ".cpg"), "UTF-8");
        return shp;
    }

    /// <summary>Zips every file of a shapefile (all files sharing its base name) into name.zip.</summary>
    public string Zip(string shp, string zipName)
    {
        var zip = Path.Combine(Directory, zipName);
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        foreach (var part in System.IO.Directory.GetFiles(Directory, Path.GetFileNameWithoutExtension(shp) + ".*"))
            if (!part.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                archive.CreateEntryFromFile(part, "data/" + Path.GetFileName(part));
        return zip;
    }

    /// <summary>A GeoPackage with one feature table (kode, nama, geom) whose geometries are in the given EPSG code.</summary>
    public string GeoPackage(string name, string table, int srid, IEnumerable<(string Kode, string Nama, Geometry Geometry)> rows)
    {
        var path = Path.Combine(Directory, name);
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        conn.Open();
        void Exec(string sql, params (string Name, object Value)[] ps)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v);
            cmd.ExecuteNonQuery();
        }
        Exec("PRAGMA application_id = 1196444487");
        Exec("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)");
        Exec("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)");
        Exec("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL)");
        Exec("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL)");
        Exec("INSERT INTO gpkg_spatial_ref_sys VALUES ($n, $id, 'EPSG', $id, 'see EPSG', NULL)", ("$n", $"EPSG:{srid}"), ("$id", srid));
        Exec("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ($t, 'features', $t, $id)", ("$t", table), ("$id", srid));
        Exec("INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', 'MULTIPOLYGON', $id, 0, 0)", ("$t", table), ("$id", srid));
        var quoted = "\"" + table.Replace("\"", "\"\"") + "\"";
        Exec($"CREATE TABLE {quoted} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, kode TEXT, nama TEXT)");
        var writer = new GeoPackageGeoWriter();
        foreach (var (kode, nama, geometry) in rows)
        {
            geometry.SRID = srid;
            Exec($"INSERT INTO {quoted} (geom, kode, nama) VALUES ($g, $k, $n)", ("$g", writer.Write(geometry)), ("$k", kode), ("$n", nama));
        }
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
