using System.Globalization;
using System.Text;
using DesaGis.Core.Layers;
using DesaGis.Core.Tiles;
using DesaGis.Data.Sql;

namespace DesaGis.Data.Tiles;

/// <summary>
/// Builds the MVT SQL of a layer once, when the layer is registered. A request only binds z, x and y ($1–$3) and
/// the MVT layer name; identifiers come from the catalog through <see cref="SqlIdentifier"/>.
/// </summary>
public static class TileSqlBuilder
{
    /// <summary>Stands for the parameter that carries the MVT layer name; replaced when queries are combined.</summary>
    public const string LayerNameSlot = "{layer_name}";

    private const string FeatureIdAlias = "__fid";

    /// <summary>The queries of a layer per zoom band, lowest band first.</summary>
    public static IReadOnlyList<TileQueryBand> Build(LayerDefinition layer)
    {
        var profile = layer.Tiles;
        var bands = new List<TileQueryBand>();
        if (profile.GeneralisedTable is not null)
        {
            foreach (int band in profile.Bands.Where(b => b < profile.FullGeometryFrom))
                bands.Add(new TileQueryBand(bands.Count == 0 ? 0 : band, Fragment(layer, band)));
        }
        int fullFrom = bands.Count == 0 ? 0 : profile.FullGeometryFrom;
        bands.Add(new TileQueryBand(fullFrom, Fragment(layer, null)));
        return bands;
    }

    /// <summary>
    /// One layer's MVT for one band (null band: full geometry): a scalar subquery yielding bytea. Rows whose
    /// geometry clips away are dropped; ST_AsMVTGeom clips to the buffered tile and fixes winding for MVT 2.1.
    /// </summary>
    public static string Fragment(LayerDefinition layer, int? band)
    {
        var profile = layer.Tiles;
        var properties = profile.PropertiesAt(layer, band);

        // Low zooms of a layer whose generalised table carries its attributes read that table alone.
        bool alone = profile.ReadsGeneralisedTableAlone(band);
        string source = alone ? "g." : "v.";
        string relation = SqlIdentifier.Quote(layer.Schema, layer.Relation);
        string geometry = band is null
            ? "v." + SqlIdentifier.Quote(layer.Geometry3857Column)
            : "g." + SqlIdentifier.Quote("geom_z" + band.Value.ToString(CultureInfo.InvariantCulture));

        var sql = new StringBuilder();
        sql.Append("SELECT ST_AsMVT(t.*, ").Append(LayerNameSlot).Append(", ").Append(MvtTile.Extent).Append(", 'geom'");
        if (profile.FeatureIdColumn is not null) sql.Append(", '").Append(FeatureIdAlias).Append('\'');
        sql.Append(") FROM (SELECT ST_AsMVTGeom(").Append(geometry)
           .Append(", ST_TileEnvelope($1, $2, $3), ").Append(MvtTile.Extent).Append(", ").Append(MvtTile.Buffer).Append(", true) AS geom");
        if (profile.FeatureIdColumn is not null)
            sql.Append(", CAST(").Append(source).Append(SqlIdentifier.Quote(profile.FeatureIdColumn)).Append(" AS bigint) AS ").Append(FeatureIdAlias);
        foreach (var p in properties)
            sql.Append(", ").Append(source).Append(SqlIdentifier.Quote(p.Column)).Append(" AS ").Append(SqlIdentifier.Quote(p.Name));
        if (alone)
        {
            sql.Append(" FROM ").Append(SqlIdentifier.Quote(layer.Schema, profile.GeneralisedTable!)).Append(" g");
        }
        else if (band is null)
        {
            sql.Append(" FROM ").Append(relation).Append(" v");
        }
        else
        {
            sql.Append(" FROM ").Append(SqlIdentifier.Quote(layer.Schema, profile.GeneralisedTable!)).Append(" g JOIN ")
               .Append(relation).Append(" v ON v.").Append(SqlIdentifier.Quote(profile.GeneralisedKey)).Append(" = g.\"kode\"");
        }
        // The index condition uses the buffered envelope so that features just outside still draw their edges.
        // OFFSET 0 keeps the subquery whole: flattened, PostgreSQL copies ST_AsMVTGeom into the outer filter and runs
        // it twice per row (once to test for NULL, once for the output).
        sql.Append(" WHERE ").Append(geometry).Append(" && ST_TileEnvelope($1, $2, $3, margin => ")
           .Append((MvtTile.Buffer / (double)MvtTile.Extent).ToString("R", CultureInfo.InvariantCulture)).Append(") OFFSET 0) t WHERE t.geom IS NOT NULL");
        return sql.ToString();
    }

    /// <summary>Combines per-layer fragments into one statement; the layer names bind to $4, $5, ….</summary>
    public static string Combine(IReadOnlyList<string> fragments)
    {
        var sql = new StringBuilder("SELECT ");
        for (int i = 0; i < fragments.Count; i++)
        {
            if (i > 0) sql.Append(" || ");
            sql.Append("COALESCE((").Append(fragments[i].Replace(LayerNameSlot, "$" + (4 + i).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
               .Append("), ''::bytea)");
        }
        return sql.ToString();
    }

    /// <summary>
    /// The naive PostGIS query the benchmarks compare against: full geometry and every catalog attribute, no
    /// generalisation, no pruning.
    /// </summary>
    public static string Plain(LayerDefinition layer)
    {
        var sql = new StringBuilder("SELECT ST_AsMVT(t.*, $4, ").Append(MvtTile.Extent).Append(", 'geom') FROM (SELECT ST_AsMVTGeom(v.")
            .Append(SqlIdentifier.Quote(layer.Geometry3857Column)).Append(", ST_TileEnvelope($1, $2, $3), ")
            .Append(MvtTile.Extent).Append(", ").Append(MvtTile.Buffer).Append(", true) AS geom");
        foreach (var p in layer.Properties)
            sql.Append(", v.").Append(SqlIdentifier.Quote(p.Column)).Append(" AS ").Append(SqlIdentifier.Quote(p.Name));
        sql.Append(" FROM ").Append(SqlIdentifier.Quote(layer.Schema, layer.Relation)).Append(" v WHERE v.")
           .Append(SqlIdentifier.Quote(layer.Geometry3857Column)).Append(" && ST_TileEnvelope($1, $2, $3)) t");
        return sql.ToString();
    }
}
