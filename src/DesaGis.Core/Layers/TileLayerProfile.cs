namespace DesaGis.Core.Layers;

/// <summary>
/// How one layer is cut into tiles: where its generalised geometry lives (migration 0030), which column gives integer
/// feature ids, and which attributes low zooms can do without. Part of the layer's definition
/// (<see cref="LayerDefinition.Tiles"/>), so a layer cannot be tiled without its profile.
/// </summary>
public sealed record TileLayerProfile
{
    /// <summary>The table of generalised geometry (columns <c>geom_z{band}</c>), or null to always use full geometry.</summary>
    public string? GeneralisedTable { get; init; }

    /// <summary>The column of the layer's relation that matches the generalised table's <c>kode</c>.</summary>
    public string GeneralisedKey { get; init; } = "kode";

    /// <summary>First zooms of the generalised bands, ascending; zooms below the first use the first band.</summary>
    public IReadOnlyList<int> Bands { get; init; } = [];

    /// <summary>From this zoom on, tiles use the full EPSG:3857 geometry.</summary>
    public int FullGeometryFrom { get; init; }

    /// <summary>A column whose value is a whole number usable as the MVT feature id (text digits are cast), or null.</summary>
    public string? FeatureIdColumn { get; init; }

    /// <summary>Below <see cref="DetailFrom"/>, only these attributes are carried (null: all tile attributes).</summary>
    public IReadOnlySet<string>? LowZoomProperties { get; init; }

    /// <summary>The zoom from which every tile attribute is carried.</summary>
    public int DetailFrom { get; init; }

    /// <summary>
    /// Whether the generalised table also holds the low-zoom attributes and the feature id column, so that low-zoom
    /// tiles read that one table and join nothing (migration 0030 keeps them for villages).
    /// </summary>
    public bool LowZoomFromGeneralisedTable { get; init; }

    /// <summary>Whether tiles of a generalised band (null: full geometry) carry every tile attribute.</summary>
    public bool CarriesDetail(int? band) => band is null || LowZoomProperties is null || band.Value >= DetailFrom;

    /// <summary>The attributes of <paramref name="layer"/> that tiles of a band carry, in catalog order.</summary>
    public IReadOnlyList<LayerProperty> PropertiesAt(LayerDefinition layer, int? band) =>
        layer.Properties.Where(p => p.InTiles && (CarriesDetail(band) || LowZoomProperties!.Contains(p.Name))).ToList();

    /// <summary>Whether a band reads the generalised table alone (it holds the low-zoom attributes), joining nothing.</summary>
    public bool ReadsGeneralisedTableAlone(int? band) => band is not null && !CarriesDetail(band) && LowZoomFromGeneralisedTable;

    /// <summary>Full geometry at every zoom, no feature id, every attribute.</summary>
    public static TileLayerProfile Plain { get; } = new();
}
