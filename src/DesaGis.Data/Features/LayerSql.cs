using DesaGis.Core.Layers;
using DesaGis.Data.Sql;

namespace DesaGis.Data.Features;

/// <summary>
/// The SQL fragments of one layer, quoted once from the catalog when the layer is registered. Requests only
/// choose among these fragments and bind values; no request text is ever part of them.
/// </summary>
public sealed class LayerSql
{
    public LayerSql(LayerDefinition layer)
    {
        Layer = layer;
        From = SqlIdentifier.Quote(layer.Schema, layer.Relation) + " AS g";
        Id = "g." + SqlIdentifier.Quote(layer.IdColumn);
        Geometry = "g." + SqlIdentifier.Quote(layer.GeometryColumn);
        Columns = layer.Properties.ToDictionary(p => p.Name, p => "g." + SqlIdentifier.Quote(p.Column), StringComparer.Ordinal);
        AllColumns = string.Join(", ", layer.Properties.Select(p => Columns[p.Name]));
        Temporal = layer.TemporalColumn is null ? null : "g." + SqlIdentifier.Quote(layer.TemporalColumn);
        CountPrefix = $"SELECT count(*) FROM {From}";
        // A polygon layer lists only what it can draw: a kabupaten known from a code list but without a boundary (479 of
        // the 516 in the national lists) is not a feature of the kabupaten layer.
        GeometryPresent = layer.GeometryKind == GeometryKind.MultiPolygon ? $"{Geometry} IS NOT NULL" : null;
        ExtentSql = Temporal is null
            ? $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), NULL::integer, NULL::integer FROM (SELECT ST_Extent({Geometry}) AS e FROM {From}) x"
            : $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), lo, hi FROM (SELECT ST_Extent({Geometry}) AS e, min({Temporal})::integer AS lo, max({Temporal})::integer AS hi FROM {From}) x";
    }

    public LayerDefinition Layer { get; }

    /// <summary>The relation with its alias <c>g</c>.</summary>
    public string From { get; }

    public string Id { get; }
    public string Geometry { get; }
    public string? Temporal { get; }

    /// <summary>The quoted, alias-qualified column of each property, by public name.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; }

    /// <summary>Every property column, in catalog order.</summary>
    public string AllColumns { get; }

    public string CountPrefix { get; }

    /// <summary>The condition every item of a polygon layer meets (its geometry is not null); null for other layers.</summary>
    public string? GeometryPresent { get; }

    /// <summary>The layer's bounding box and year range.</summary>
    public string ExtentSql { get; }
}
