namespace DesaGis.Core.Layers;

/// <summary>One attribute of a layer: its public name, the column behind it and how it may be used.</summary>
/// <param name="Name">The public name used in GeoJSON, MVT, filters and sorting.</param>
/// <param name="Column">The column in the layer's relation; only ever used through the SQL quoting helper.</param>
/// <param name="Type">The value type.</param>
/// <param name="Description">A human description for queryables and TileJSON.</param>
/// <param name="Queryable">Whether filters and sorting may use it.</param>
/// <param name="InTiles">Whether vector tiles carry it (styling needs it).</param>
public sealed record LayerProperty(
    string Name,
    string Column,
    PropertyType Type,
    string Description,
    bool Queryable = true,
    bool InTiles = true);
