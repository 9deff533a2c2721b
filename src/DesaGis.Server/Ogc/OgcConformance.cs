namespace DesaGis.Server.Ogc;

/// <summary>The conformance classes this server implements, exactly, with their official URIs.</summary>
public static class OgcConformance
{
    private const string Part1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    private const string Part2 = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/";
    private const string Part3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
    private const string Cql2 = "http://www.opengis.net/spec/cql2/1.0/conf/";
    private const string Part4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/";

    public const string Filter = Part3 + "filter";
    public const string FeaturesFilter = Part3 + "features-filter";
    public const string Cql2Text = Cql2 + "cql2-text";
    public const string Cql2Json = Cql2 + "cql2-json";

    public static IReadOnlyList<string> Classes { get; } =
    [
        Part1 + "core",
        Part1 + "oas30",
        Part1 + "html",
        Part1 + "geojson",
        Part2 + "crs",
        Part3 + "queryables",
        Part3 + "queryables-query-parameters",
        Filter,
        FeaturesFilter,
        Cql2 + "basic-cql2",
        Cql2 + "advanced-comparison-operators",
        Cql2 + "basic-spatial-functions",
        Cql2 + "basic-spatial-functions-plus",
        Cql2 + "spatial-functions",
        Cql2 + "property-property",
        Cql2Text,
        Cql2Json,
        // Part 4, on the programs collection (the programme registry, docs/registry.md).
        Part4 + "create-replace-delete",
        Part4 + "update",
        Part4 + "features",
        Part4 + "optimistic-locking-etags",
    ];
}
