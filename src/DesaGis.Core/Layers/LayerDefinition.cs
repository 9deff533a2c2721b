namespace DesaGis.Core.Layers;

/// <summary>
/// Everything the server knows about one published layer. Collections, queryables, TileJSON and exports are all
/// derived from this one definition, so nothing about a layer is written twice.
/// </summary>
public sealed record LayerDefinition
{
    /// <summary>The collection id and MVT layer name, e.g. <c>villages</c>.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }

    /// <summary>The schema of the relation (table or view) behind the layer.</summary>
    public string Schema { get; init; } = "desagis";

    /// <summary>The relation (table or view) behind the layer.</summary>
    public required string Relation { get; init; }

    /// <summary>The column whose value is the feature id (the village code for villages).</summary>
    public required string IdColumn { get; init; }

    /// <summary>Whether feature ids are integers (else strings).</summary>
    public bool IntegerId { get; init; }

    /// <summary>The EPSG:4326 geometry column.</summary>
    public string GeometryColumn { get; init; } = "geom";

    /// <summary>A stored EPSG:3857 copy of the geometry, so tiles need not transform every row.</summary>
    public string Geometry3857Column { get; init; } = "geom_3857";

    public required GeometryKind GeometryKind { get; init; }

    public required IReadOnlyList<LayerProperty> Properties { get; init; }

    /// <summary>Default sort column, so that paging is stable.</summary>
    public string? DefaultSortColumn { get; init; }

    /// <summary>A column holding a year, for the collection's temporal extent.</summary>
    public string? TemporalColumn { get; init; }

    public int MinZoom { get; init; }
    public int MaxZoom { get; init; } = 16;

    /// <summary>How the layer is cut into tiles: generalised tables, zoom bands, feature id, attributes per zoom.</summary>
    public TileLayerProfile Tiles { get; init; } = TileLayerProfile.Plain;

    /// <summary>Restricted layers are hidden from and refused to callers without the named role.</summary>
    public string? RequiredRole { get; init; }

    /// <summary>Attribution shown by web maps.</summary>
    public string Attribution { get; init; } = "DesaGis";

    public LayerProperty? FindProperty(string name) =>
        Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
