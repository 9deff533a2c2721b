using DesaGis.Core.Layers;
using DesaGis.Core.Mapping;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace DesaGis.Data.Export;

/// <summary>
/// Writes OGC GeoPackage 1.3 files (SQLite): one feature table per layer, named by its collection id, with the
/// catalog's properties as typed columns and EPSG:4326 geometries in GeoPackage binary. QGIS and QField open them
/// offline. Table and column names come from the catalog only.
/// </summary>
public static class GeoPackageExporter
{
    private const string Wgs84Wkt =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    /// <summary>Writes the layers into a new GeoPackage at <paramref name="path"/> (replaced when it exists).</summary>
    public static async Task WriteAsync(string path, IEnumerable<(LayerDefinition Layer, FeatureSet Features)> layers, CancellationToken cancellationToken)
    {
        if (File.Exists(path)) File.Delete(path);
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        await using var conn = new SqliteConnection(cs);
        await conn.OpenAsync(cancellationToken);
        await ExecAsync(conn, """
            PRAGMA application_id = 1196444487;
            PRAGMA user_version = 10300;
            CREATE TABLE gpkg_spatial_ref_sys (
                srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
                organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (
                table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
                last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (
                table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
                z TINYINT NOT NULL, m TINYINT NOT NULL,
                CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """, cancellationToken);
        await using (var srs = conn.CreateCommand())
        {
            srs.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, $wkt, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')";
            srs.Parameters.AddWithValue("$wkt", Wgs84Wkt);
            await srs.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (layer, features) in layers)
            await WriteLayerAsync(conn, layer, features, cancellationToken);
    }

    private static async Task WriteLayerAsync(SqliteConnection conn, LayerDefinition layer, FeatureSet features, CancellationToken cancellationToken)
    {
        var table = Q(layer.Id);
        var columns = layer.Properties.Select(p => $"{Q(p.Name)} {ColumnType(p.Type)}");
        await ExecAsync(conn, $"CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {GeometryTypeName(layer)}, {string.Join(", ", columns)})", cancellationToken);

        var envelope = new NetTopologySuite.Geometries.Envelope();
        foreach (var f in features.Features) envelope.ExpandToInclude(f.Geometry.EnvelopeInternal);
        await using (var contents = conn.CreateCommand())
        {
            contents.CommandText = """
                INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
                VALUES ($t, 'features', $id, $d, $x0, $y0, $x1, $y1, 4326)
                """;
            contents.Parameters.AddWithValue("$t", layer.Id);
            contents.Parameters.AddWithValue("$id", layer.Title);
            contents.Parameters.AddWithValue("$d", layer.Description);
            contents.Parameters.AddWithValue("$x0", envelope.IsNull ? DBNull.Value : envelope.MinX);
            contents.Parameters.AddWithValue("$y0", envelope.IsNull ? DBNull.Value : envelope.MinY);
            contents.Parameters.AddWithValue("$x1", envelope.IsNull ? DBNull.Value : envelope.MaxX);
            contents.Parameters.AddWithValue("$y1", envelope.IsNull ? DBNull.Value : envelope.MaxY);
            await contents.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var geometryColumns = conn.CreateCommand())
        {
            geometryColumns.CommandText = "INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $g, 4326, 0, 0)";
            geometryColumns.Parameters.AddWithValue("$t", layer.Id);
            geometryColumns.Parameters.AddWithValue("$g", GeometryTypeName(layer));
            await geometryColumns.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(cancellationToken);
        await using var insert = conn.CreateCommand();
        insert.Transaction = tx;
        var names = layer.Properties.Select((p, i) => "$p" + i).ToList();
        insert.CommandText = $"INSERT INTO {table} (geom, {string.Join(", ", layer.Properties.Select(p => Q(p.Name)))}) VALUES ($geom, {string.Join(", ", names)})";
        var geomParam = insert.Parameters.Add("$geom", SqliteType.Blob);
        var valueParams = names.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToList();
        var writer = new GeoPackageGeoWriter();
        foreach (var f in features.Features)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var geometry = ExportFeatures.Promote(f.Geometry);
            geometry.SRID = 4326;
            geomParam.Value = writer.Write(geometry);
            for (int i = 0; i < layer.Properties.Count; i++)
            {
                var value = f[layer.Properties[i].Name];
                valueParams[i].SqliteType = layer.Properties[i].Type switch
                {
                    PropertyType.Integer or PropertyType.Boolean => SqliteType.Integer,
                    PropertyType.Number => SqliteType.Real,
                    _ => SqliteType.Text,
                };
                valueParams[i].Value = value switch
                {
                    null => DBNull.Value,
                    bool b => b ? 1L : 0L,
                    _ => value,
                };
            }
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    private static string GeometryTypeName(LayerDefinition layer) => layer.GeometryKind switch
    {
        GeometryKind.Point => "POINT",
        GeometryKind.MultiLineString => "MULTILINESTRING",
        _ => "MULTIPOLYGON",
    };

    private static string ColumnType(PropertyType type) => type switch
    {
        PropertyType.Integer => "INTEGER",
        PropertyType.Number => "REAL",
        PropertyType.Boolean => "BOOLEAN",
        PropertyType.Date => "DATE",
        PropertyType.DateTime => "DATETIME",
        _ => "TEXT",
    };

    // SQLite quotes identifiers the same way PostgreSQL does; the names are catalog names, never request text.
    private static string Q(string identifier) => Sql.SqlIdentifier.Quote(identifier);

    private static async Task ExecAsync(SqliteConnection conn, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
