namespace DesaGis.Data.Tiles;

/// <summary>
/// How one layer is cut into tiles beyond what the catalog says: where its generalised geometry lives (migration
/// 0030), which column gives integer feature ids, and which attributes low zooms can do without.
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

    /// <summary>Full geometry at every zoom, no feature id, every attribute.</summary>
    public static TileLayerProfile Plain { get; } = new();

    /// <summary>The profiles of the standard layers.</summary>
    public static IReadOnlyDictionary<string, TileLayerProfile> Standard { get; } = new Dictionary<string, TileLayerProfile>(StringComparer.Ordinal)
    {
        ["village_indicators"] = new()
        {
            GeneralisedTable = "desa_tile_geometry", Bands = [5, 8, 11], FullGeometryFrom = 14, FeatureIdColumn = "kode10",
            // What the choropleth, the legend and a hover card need at regional zooms; the rest from zoom 11.
            LowZoomProperties = new HashSet<string>(StringComparer.Ordinal)
                { "kode", "nama", "poverty_rate", "extreme_poor", "idm_status", "program_count" },
            DetailFrom = 11,
            LowZoomFromGeneralisedTable = true,
        },
        ["villages"] = new() { GeneralisedTable = "desa_tile_geometry", Bands = [5, 8, 11], FullGeometryFrom = 14, FeatureIdColumn = "kode10" },
        ["kecamatan"] = new() { GeneralisedTable = "kecamatan_tile_geometry", Bands = [5, 8, 11], FullGeometryFrom = 14, FeatureIdColumn = "kode10" },
        ["kabupaten"] = new() { GeneralisedTable = "kabupaten_tile_geometry", Bands = [0, 5, 8], FullGeometryFrom = 11, FeatureIdColumn = "kode10" },
        ["kecamatan_labels"] = new() { FeatureIdColumn = "kode10" },
        ["kabupaten_labels"] = new() { FeatureIdColumn = "kode10" },
        ["provinsi"] = new() { GeneralisedTable = "provinsi_tile_geometry", Bands = [0, 5, 8], FullGeometryFrom = 11, FeatureIdColumn = "kode10" },
        ["transmigration_areas"] = new() { FeatureIdColumn = "id" },
        ["programs"] = new() { FeatureIdColumn = "id" },
        ["program_coverage"] = new()
        {
            GeneralisedTable = "desa_tile_geometry", GeneralisedKey = "desa_kode", Bands = [5, 8, 11], FullGeometryFrom = 14,
        },
    };
}
