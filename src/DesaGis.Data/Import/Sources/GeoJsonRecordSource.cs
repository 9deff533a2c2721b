using System.Text.Json;
using NetTopologySuite.IO.Converters;
using DesaGis.Data.Import.Crs;

namespace DesaGis.Data.Import.Sources;

/// <summary>
/// A GeoJSON FeatureCollection (or a single Feature). Each feature's geometry is read on its own, so one broken
/// geometry rejects one feature instead of the file. A legacy <c>crs</c> member (GDAL writes one) is honoured.
/// </summary>
public sealed class GeoJsonRecordSource : IRecordSource
{
    private static readonly JsonSerializerOptions GeometryOptions = CreateOptions();
    private readonly JsonDocument _document;
    private readonly List<JsonElement> _features = [];

    public GeoJsonRecordSource(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            _document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ImportException($"{Path.GetFileName(path)} is not valid JSON: {ex.Message}", ex);
        }
        var root = _document.RootElement;
        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "FeatureCollection" && root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array)
            _features.AddRange(features.EnumerateArray());
        else if (type == "Feature")
            _features.Add(root);
        else
            throw new ImportException($"{Path.GetFileName(path)} is not a GeoJSON FeatureCollection or Feature.");

        if (root.TryGetProperty("crs", out var crs) && crs.ValueKind == JsonValueKind.Object &&
            crs.TryGetProperty("properties", out var props) && props.TryGetProperty("name", out var name))
        {
            DeclaredCrs = CrsDefinition.TryParse(name.GetString())
                ?? throw new ImportException($"The crs member of {Path.GetFileName(path)} ('{name.GetString()}') is not understood; give the CRS with --srs.");
        }
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in _features.Take(1000))
            if (f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
                foreach (var prop in p.EnumerateObject())
                    if (seen.Add(prop.Name)) columns.Add(prop.Name);
        Columns = columns;
    }

    public CrsDefinition? DeclaredCrs { get; }
    public bool HasGeometry => true;
    public int? Count => _features.Count;
    public IReadOnlyList<string> Columns { get; }

    public IEnumerable<SourceRecord> Read(CancellationToken cancellationToken)
    {
        for (int i = 0; i < _features.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var f = _features[i];
            var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
                foreach (var prop in p.EnumerateObject()) attributes[prop.Name] = ToValue(prop.Value);
            if (f.TryGetProperty("id", out var id) && !attributes.ContainsKey("id")) attributes["id"] = ToValue(id);

            NetTopologySuite.Geometries.Geometry? geometry = null;
            string? error = null;
            if (f.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
            {
                try
                {
                    geometry = g.Deserialize<NetTopologySuite.Geometries.Geometry>(GeometryOptions);
                }
                catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
                {
                    error = $"unreadable geometry: {ex.Message}";
                }
            }
            yield return new SourceRecord($"feature {i + 1}", attributes, geometry, error);
        }
    }

    public void Dispose() => _document.Dispose();

    internal static object? ToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => e.GetRawText(),
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
