using DesaGis.Core;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Styles;
using NetTopologySuite.Geometries;

namespace DesaGis.Rendering.Tests;

/// <summary>
/// A small hand-made kabupaten around Marabahan (Barito Kuala): 4×3 villages with known poverty rates, two
/// kecamatan, one transmigration area. Names are real Indonesian village names, including ones with apostrophes.
/// </summary>
public static class SampleMap
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public const double West = 114.60, South = -3.10, Cell = 0.05;
    public static readonly BoundingBox Extent = new(West, South, West + 4 * Cell, South + 3 * Cell);

    public static readonly string[] Names =
    [
        "Sungai Ulin", "Tamban Catur", "Karang Bunga", "Jejangkit Muara",
        "Ulu Benteng", "Pulau Sugara'", "Handil Bakti", "Puntik Luar",
        "Lepasan", "Bahalayung", "Simpang Arja", "Anjir Serapat",
    ];

    /// <summary>Poverty rates per village (row-major from the south-west); NaN means no data.</summary>
    public static readonly double[] PovertyRates = [5, 12, 17, 25, 35, 8, double.NaN, 14, 22, 31, 3, 18];

    public static MapStyle Style() => MapStyle.Load(Path.Combine(AppContext.BaseDirectory, "Styles", "test-style.json"));

    public static Polygon Box(double minX, double minY, double maxX, double maxY) => Factory.CreatePolygon(
    [
        new Coordinate(minX, minY), new Coordinate(maxX, minY), new Coordinate(maxX, maxY),
        new Coordinate(minX, maxY), new Coordinate(minX, minY),
    ]);

    public static Polygon VillageGeometry(int index)
    {
        int col = index % 4, row = index / 4;
        return Box(West + col * Cell, South + row * Cell, West + (col + 1) * Cell, South + (row + 1) * Cell);
    }

    public static MapData Data()
    {
        var villages = new List<MapFeature>();
        for (int i = 0; i < 12; i++)
        {
            var attrs = new Dictionary<string, object?>
            {
                ["kode"] = $"63.04.0{1 + i % 2}.20{i:00}",
                ["nama"] = Names[i],
                ["kecamatan_nama"] = i % 4 < 2 ? "Marabahan" : "Tabukan",
                ["poverty_rate"] = double.IsNaN(PovertyRates[i]) ? null : PovertyRates[i],
                ["idm_status"] = i % 3 == 0 ? "BERKEMBANG" : "TERTINGGAL",
            };
            villages.Add(new MapFeature((string)attrs["kode"]!, Factory.CreateMultiPolygon([VillageGeometry(i)]), attrs));
        }
        var kecamatan = new List<MapFeature>
        {
            new("63.04.01", Factory.CreateMultiPolygon([Box(West, South, West + 2 * Cell, South + 3 * Cell)]),
                new Dictionary<string, object?> { ["kode"] = "63.04.01", ["nama"] = "Marabahan" }),
            new("63.04.02", Factory.CreateMultiPolygon([Box(West + 2 * Cell, South, West + 4 * Cell, South + 3 * Cell)]),
                new Dictionary<string, object?> { ["kode"] = "63.04.02", ["nama"] = "Tabukan" }),
        };
        var kabupaten = new List<MapFeature>
        {
            new("63.04", Factory.CreateMultiPolygon([Box(West, South, West + 4 * Cell, South + 3 * Cell)]),
                new Dictionary<string, object?> { ["kode"] = "63.04", ["nama"] = "Barito Kuala" }),
        };
        var transmigration = new List<MapFeature>
        {
            new("SP-1", Factory.CreateMultiPolygon([Box(West + 2.2 * Cell, South + 0.2 * Cell, West + 3.6 * Cell, South + 0.9 * Cell)]),
                new Dictionary<string, object?> { ["kode"] = "SP-1", ["nama"] = "Kawasan Jejangkit", ["kind"] = "SP" }),
        };
        return new MapData(
        [
            new FeatureSet("village_indicators", villages),
            new FeatureSet("kecamatan", kecamatan),
            new FeatureSet("kabupaten", kabupaten),
            new FeatureSet("transmigration_areas", transmigration),
        ]);
    }

    /// <summary>A coarse "province" around the kabupaten for the overview inset.</summary>
    public static FeatureSet Overview() => new("kabupaten",
    [
        new MapFeature("63.04", Factory.CreateMultiPolygon([Box(West, South, West + 4 * Cell, South + 3 * Cell)]), new Dictionary<string, object?>()),
        new MapFeature("63.03", Factory.CreateMultiPolygon([Box(West - 0.5, South - 0.6, West, South + 0.4)]), new Dictionary<string, object?>()),
        new MapFeature("63.05", Factory.CreateMultiPolygon([Box(West + 0.2, South - 0.6, West + 0.7, South)]), new Dictionary<string, object?>()),
    ]);
}
