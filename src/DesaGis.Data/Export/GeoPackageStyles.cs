using Microsoft.Data.Sqlite;

namespace DesaGis.Data.Export;

/// <summary>
/// Stores QGIS layer styles in a GeoPackage's <c>layer_styles</c> table, the way QGIS itself saves a default style
/// there (and GDAL lists it as a table): QGIS and QField then open each layer styled, with no project needed.
/// </summary>
public static class GeoPackageStyles
{
    /// <summary>The name the styles are stored under.</summary>
    public const string StyleName = "desagis";

    /// <summary>Adds the table (when missing) and one default style per layer.</summary>
    public static async Task WriteAsync(string path, IEnumerable<(string Table, string Qml, string Description)> styles, CancellationToken cancellationToken)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        await using var conn = new SqliteConnection(cs);
        await conn.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(cancellationToken);
        await using (var create = conn.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS layer_styles (
                    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256),
                    f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT,
                    owner TEXT(30), ui TEXT(30), update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
                INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
                VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles (DesaGis map style)', 0);
                """;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var insert = conn.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, useAsDefault, description, owner, ui)
            VALUES ('', '', $table, 'geom', $name, $qml, 1, $description, '', NULL)
            """;
        var table = insert.Parameters.Add("$table", SqliteType.Text);
        insert.Parameters.AddWithValue("$name", StyleName);
        var qml = insert.Parameters.Add("$qml", SqliteType.Text);
        var description = insert.Parameters.Add("$description", SqliteType.Text);
        foreach (var style in styles)
        {
            table.Value = style.Table;
            qml.Value = style.Qml;
            description.Value = style.Description;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }
}
