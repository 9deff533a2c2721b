using DesaGis.Core.Layers;

namespace DesaGis.Data.Catalog;

/// <summary>
/// The published layers. Every identifier that reaches SQL comes from here; a request's property names are
/// looked up in these definitions before they are used.
/// </summary>
public sealed class LayerCatalog
{
    private readonly Dictionary<string, LayerDefinition> _byId;

    public LayerCatalog(IEnumerable<LayerDefinition> layers)
    {
        Layers = layers.ToList();
        _byId = Layers.ToDictionary(l => l.Id, StringComparer.Ordinal);
    }

    /// <summary>All layers, in the order they are listed to clients.</summary>
    public IReadOnlyList<LayerDefinition> Layers { get; }

    public LayerDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The standard DesaGis layers.</summary>
    public static LayerCatalog Default { get; } = new(StandardLayers());

    private static LayerProperty S(string name, string description, bool tiles = true) =>
        new(name, name, PropertyType.String, description, InTiles: tiles);
    private static LayerProperty I(string name, string description, bool tiles = true) =>
        new(name, name, PropertyType.Integer, description, InTiles: tiles);
    private static LayerProperty N(string name, string description, bool tiles = true) =>
        new(name, name, PropertyType.Number, description, InTiles: tiles);
    private static LayerProperty B(string name, string description, bool tiles = true) =>
        new(name, name, PropertyType.Boolean, description, InTiles: tiles);

    private static IEnumerable<LayerDefinition> StandardLayers()
    {
        yield return new LayerDefinition
        {
            Id = "village_indicators",
            Tiles = new()
            {
                GeneralisedTable = "desa_tile_geometry", Bands = [5, 8, 11], FullGeometryFrom = 14, FeatureIdColumn = "kode10",
                // What the choropleth, the legend and a hover card need at regional zooms; the rest from zoom 11.
                LowZoomProperties = new HashSet<string>(StringComparer.Ordinal)
                    { "kode", "nama", "poverty_rate", "extreme_poor", "idm_status", "program_count" },
                DetailFrom = 11,
                LowZoomFromGeneralisedTable = true,
            },
            Title = "Desa/kelurahan with indicators",
            Description = "Every village with its latest poverty and IDM figures, the programmes and partners covering it, and its transmigration area.",
            Relation = "village_indicators",
            IdColumn = "kode",
            GeometryKind = GeometryKind.MultiPolygon,
            DefaultSortColumn = "kode",
            TemporalColumn = "indicator_year",
            MinZoom = 5,
            MaxZoom = 16,
            Properties =
            [
                S("kode", "Kemendagri village code, dotted (63.04.01.2001)"),
                S("kode10", "Kemendagri village code, 10 digits", tiles: false),
                S("nama", "Village name"),
                S("jenis", "desa or kelurahan"),
                S("kecamatan_kode", "Kemendagri kecamatan code"),
                S("kecamatan_nama", "Kecamatan name"),
                S("kabupaten_kode", "Kemendagri kabupaten/kota code"),
                S("kabupaten_nama", "Kabupaten/kota name"),
                S("provinsi_kode", "Province code", tiles: false),
                N("area_km2", "Area in km²", tiles: false),
                I("indicator_year", "Year of the poverty figures"),
                I("population", "Population"),
                N("poverty_rate", "Share of people below the poverty line (P0), percent"),
                I("extreme_poor", "Individuals in extreme poverty"),
                I("extreme_poor_households", "Households in extreme poverty", tiles: false),
                I("idm_year", "Year of the IDM figures", tiles: false),
                N("idm_score", "Indeks Desa Membangun score (0–1)"),
                S("idm_status", "IDM status: MANDIRI, MAJU, BERKEMBANG, TERTINGGAL, SANGAT_TERTINGGAL"),
                I("program_count", "Number of active or planned programmes covering the village"),
                I("partner_count", "Number of distinct partners covering the village"),
                S("partner_names", "Partners covering the village, comma-separated"),
                S("sectors", "Sectors of the programmes covering the village", tiles: false),
                B("in_transmigration_area", "Whether the village lies in a transmigration area"),
                S("transmigration_area", "Name of the transmigration area(s)"),
                S("poverty_source", "Source of the poverty figures (of indicator_year)", tiles: false),
                S("idm_source", "Source of the IDM figures (of idm_year)", tiles: false),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "villages",
            Tiles = new() { GeneralisedTable = "desa_tile_geometry", Bands = [5, 8, 11], FullGeometryFrom = 14, FeatureIdColumn = "kode10" },
            Title = "Desa/kelurahan",
            Description = "Village boundaries with Kemendagri codes.",
            Relation = "desa",
            IdColumn = "kode",
            GeometryKind = GeometryKind.MultiPolygon,
            DefaultSortColumn = "kode",
            MinZoom = 8,
            MaxZoom = 16,
            Properties =
            [
                S("kode", "Kemendagri village code, dotted"),
                S("kode10", "Kemendagri village code, 10 digits"),
                S("nama", "Village name"),
                S("jenis", "desa or kelurahan"),
                S("kecamatan_kode", "Kemendagri kecamatan code"),
                S("kabupaten_kode", "Kemendagri kabupaten/kota code"),
                S("provinsi_kode", "Province code"),
                N("area_km2", "Area in km²"),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "kecamatan",
            Tiles = new() { GeneralisedTable = "kecamatan_tile_geometry", Bands = [5, 8, 11], FullGeometryFrom = 14, FeatureIdColumn = "kode10" },
            Title = "Kecamatan",
            Description = "District (kecamatan) boundaries.",
            Relation = "kecamatan",
            IdColumn = "kode",
            GeometryKind = GeometryKind.MultiPolygon,
            DefaultSortColumn = "kode",
            MinZoom = 5,
            MaxZoom = 14,
            Properties =
            [
                S("kode", "Kemendagri kecamatan code"),
                S("kode10", "Kemendagri kecamatan code, 6 digits", tiles: false),
                S("nama", "Kecamatan name"),
                S("kabupaten_kode", "Kemendagri kabupaten/kota code"),
                S("provinsi_kode", "Province code", tiles: false),
                N("area_km2", "Area in km²", tiles: false),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "kecamatan_labels",
            Tiles = new() { FeatureIdColumn = "kode10" },
            Title = "Kecamatan label points",
            Description = "One point inside each kecamatan, where maps write its name: once per kecamatan, not once per tile it spans.",
            Relation = "kecamatan",
            IdColumn = "kode",
            GeometryColumn = "label",
            Geometry3857Column = "label_3857",
            GeometryKind = GeometryKind.Point,
            DefaultSortColumn = "kode",
            MinZoom = 5,
            MaxZoom = 14,
            Properties =
            [
                S("kode", "Kemendagri kecamatan code"),
                S("nama", "Kecamatan name"),
                S("kabupaten_kode", "Kemendagri kabupaten/kota code"),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "kabupaten",
            Tiles = new() { GeneralisedTable = "kabupaten_tile_geometry", Bands = [0, 5, 8], FullGeometryFrom = 11, FeatureIdColumn = "kode10" },
            Title = "Kabupaten/kota",
            Description = "Regency and city boundaries.",
            Relation = "kabupaten",
            IdColumn = "kode",
            GeometryKind = GeometryKind.MultiPolygon,
            DefaultSortColumn = "kode",
            MinZoom = 0,
            MaxZoom = 12,
            Properties =
            [
                S("kode", "Kemendagri kabupaten/kota code"),
                S("kode10", "Kemendagri code, 4 digits", tiles: false),
                S("nama", "Kabupaten/kota name"),
                S("jenis", "kabupaten or kota"),
                S("provinsi_kode", "Province code"),
                N("area_km2", "Area in km²", tiles: false),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "kabupaten_labels",
            Tiles = new() { FeatureIdColumn = "kode10" },
            Title = "Kabupaten/kota label points",
            Description = "One point inside each regency or city, where maps write its name: once per kabupaten, not once per tile it spans.",
            Relation = "kabupaten",
            IdColumn = "kode",
            GeometryColumn = "label",
            Geometry3857Column = "label_3857",
            GeometryKind = GeometryKind.Point,
            DefaultSortColumn = "kode",
            MinZoom = 0,
            MaxZoom = 12,
            Properties =
            [
                S("kode", "Kemendagri kabupaten/kota code"),
                S("nama", "Kabupaten/kota name"),
                S("jenis", "kabupaten or kota"),
                S("provinsi_kode", "Province code"),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "provinsi",
            Tiles = new() { GeneralisedTable = "provinsi_tile_geometry", Bands = [0, 5, 8], FullGeometryFrom = 11, FeatureIdColumn = "kode10" },
            Title = "Provinsi",
            Description = "Province boundaries.",
            Relation = "provinsi",
            IdColumn = "kode",
            GeometryKind = GeometryKind.MultiPolygon,
            DefaultSortColumn = "kode",
            MinZoom = 0,
            MaxZoom = 10,
            Properties =
            [
                S("kode", "Kemendagri province code"),
                S("nama", "Province name"),
                N("area_km2", "Area in km²", tiles: false),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "transmigration_areas",
            Tiles = new() { FeatureIdColumn = "id" },
            Title = "Kawasan transmigrasi",
            Description = "Transmigration areas (SKP, KPB, WPT and settlement units) and the number of villages they contain.",
            Relation = "transmigration_areas",
            IdColumn = "kode",
            GeometryKind = GeometryKind.MultiPolygon,
            DefaultSortColumn = "kode",
            TemporalColumn = "year",
            MinZoom = 4,
            MaxZoom = 16,
            Properties =
            [
                S("kode", "Area code"),
                S("nama", "Area name"),
                S("kind", "SKP, KPB, WPT, LPT, UPT or SP"),
                S("status", "Development status"),
                I("year", "Year established"),
                I("village_count", "Villages in the area"),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "programs",
            Tiles = new() { FeatureIdColumn = "id" },
            Title = "Partner programmes",
            Description = "Programme footprints: drawn, or the union of the villages a programme covers.",
            Relation = "program_footprints",
            IdColumn = "kode",
            GeometryKind = GeometryKind.MultiPolygon,
            DefaultSortColumn = "kode",
            TemporalColumn = "start_year",
            MinZoom = 4,
            MaxZoom = 16,
            Properties =
            [
                S("kode", "Programme code"),
                S("nama", "Programme name"),
                S("sector", "Sector"),
                S("status", "planned, active, completed or suspended"),
                I("start_year", "First year"),
                I("end_year", "Last year"),
                S("partner_kode", "Partner code"),
                S("partner_nama", "Partner name"),
                S("partner_kind", "government, ngo, donor or private"),
                I("village_count", "Villages covered"),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "program_coverage",
            Tiles = new()
            {
                GeneralisedTable = "desa_tile_geometry", GeneralisedKey = "desa_kode", Bands = [5, 8, 11], FullGeometryFrom = 14,
            },
            Title = "Programme coverage by village",
            Description = "One feature per programme and covered village.",
            Relation = "program_coverage",
            IdColumn = "id",
            GeometryKind = GeometryKind.MultiPolygon,
            DefaultSortColumn = "id",
            TemporalColumn = "start_year",
            MinZoom = 8,
            MaxZoom = 16,
            Properties =
            [
                S("program_kode", "Programme code"),
                S("program_nama", "Programme name"),
                S("sector", "Sector"),
                S("status", "Programme status"),
                I("start_year", "First year"),
                I("end_year", "Last year"),
                S("partner_nama", "Partner name"),
                S("partner_kind", "Partner type"),
                S("desa_kode", "Covered village code"),
                S("desa_nama", "Covered village name"),
                S("kecamatan_kode", "Kecamatan code"),
                S("kabupaten_kode", "Kabupaten code"),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "extreme_poor_households",
            Title = "Extreme-poor households (restricted)",
            Description = "Household-level extreme-poverty records. Restricted: only callers with the planner role see this layer.",
            Relation = "extreme_poor_household",
            IdColumn = "kode",
            GeometryKind = GeometryKind.Point,
            DefaultSortColumn = "kode",
            TemporalColumn = "year",
            MinZoom = 10,
            MaxZoom = 18,
            RequiredRole = "planner",
            Properties =
            [
                S("kode", "Household record code"),
                S("desa_kode", "Village code"),
                S("head_of_household", "Name of the head of household"),
                I("members", "Household members"),
                I("welfare_decile", "Welfare decile (1 = poorest)"),
                I("year", "Year of the record"),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "scenario_pilots",
            Title = "Planner scenario pilots",
            Description = "The pilot villages of saved planner scenarios, at each village's representative point. Filter by scenario_id.",
            Relation = "scenario_pilots",
            IdColumn = "id",
            GeometryKind = GeometryKind.Point,
            DefaultSortColumn = "id",
            MinZoom = 4,
            MaxZoom = 16,
            Properties =
            [
                I("scenario_id", "Scenario id"),
                S("scenario_name", "Scenario name"),
                S("kode", "Kemendagri village code"),
                S("nama", "Village name"),
                S("kecamatan_kode", "Kecamatan code"),
                S("kabupaten_kode", "Kabupaten code"),
                I("rank", "Order of choice (reach) or score order (ranking)"),
                N("score", "Weighted score, 0–1"),
                N("stability", "Share of perturbed runs in which the village stays selected"),
                B("pinned", "Pinned by the planner"),
                I("reached", "Villages within the reach radius"),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "scenario_coverage",
            Title = "Planner scenario coverage",
            Description = "Villages within reach of a saved scenario's pilots, with the nearest pilot. Filter by scenario_id.",
            Relation = "scenario_coverage",
            IdColumn = "id",
            GeometryKind = GeometryKind.MultiPolygon,
            DefaultSortColumn = "id",
            MinZoom = 6,
            MaxZoom = 16,
            Properties =
            [
                I("scenario_id", "Scenario id"),
                S("scenario_name", "Scenario name"),
                S("kode", "Kemendagri village code"),
                S("nama", "Village name"),
                S("kecamatan_kode", "Kecamatan code"),
                S("kabupaten_kode", "Kabupaten code"),
                S("pilot_kode", "Code of the nearest pilot"),
                N("distance_km", "Distance to the nearest pilot, km"),
            ],
        };
        yield return new LayerDefinition
        {
            Id = "indicator_values",
            Title = "Indicator values",
            Description = "Every value of the indicator catalog (GET /indicators) on its area's boundary, with level, year, source and note. " +
                          "Filter by indicator (and year or level), e.g. ?indicator=idm_score&year=2023.",
            Relation = "indicator_values",
            IdColumn = "id",
            GeometryKind = GeometryKind.MultiPolygon,
            DefaultSortColumn = "id",
            TemporalColumn = "year",
            MinZoom = 0,
            MaxZoom = 16,
            Properties =
            [
                S("id", "indicator:kode:year"),
                S("indicator", "Indicator code (see /indicators)"),
                S("indicator_name", "Indicator name (Bahasa Indonesia)"),
                S("unit", "Unit of the value"),
                S("level", "desa, kecamatan, kabupaten or provinsi"),
                S("kode", "Kemendagri code of the area"),
                S("nama", "Area name"),
                I("year", "Year of the value"),
                S("period", "Finer period, when the source gives one"),
                N("value", "The value (numeric indicators)"),
                S("value_text", "The category (category indicators such as idm_status)"),
                S("source", "Where the value comes from"),
                S("note", "Note on the value"),
            ],
        };
    }
}
