namespace DesaGis.Core.Mapping;

/// <summary>
/// The features of one layer (its id is the collection id and MVT layer name, which a style calls
/// <c>source-layer</c>).
/// </summary>
/// <param name="LayerId">The layer id, e.g. <c>village_indicators</c>.</param>
/// <param name="Features">The features, in drawing order.</param>
public sealed record FeatureSet(string LayerId, IReadOnlyList<MapFeature> Features)
{
    public static FeatureSet Empty(string layerId) => new(layerId, []);
}
