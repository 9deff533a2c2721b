using System.Text.Json;
using DesaGis.Core.Mapping;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace DesaGis.Data.Export;

/// <summary>Writes a GeoJSON FeatureCollection (RFC 7946: lon/lat, EPSG:4326) with each feature's id.</summary>
public static class GeoJsonExporter
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public static async Task WriteAsync(FeatureSet features, Stream output, CancellationToken cancellationToken)
    {
        var collection = new FeatureCollection();
        foreach (var f in features.Features)
        {
            var nts = ExportFeatures.ToNts(f);
            if (f.Id is not null) nts.Attributes.Add("id", f.Id);
            collection.Add(nts);
        }
        await JsonSerializer.SerializeAsync(output, collection, Options, cancellationToken);
    }
}
