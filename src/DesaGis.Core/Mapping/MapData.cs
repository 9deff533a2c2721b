namespace DesaGis.Core.Mapping;

/// <summary>The data behind one map: a feature set per layer id. Layers a style names but the data lacks draw nothing.</summary>
public sealed class MapData
{
    private readonly Dictionary<string, FeatureSet> _layers = new(StringComparer.Ordinal);

    public MapData(IEnumerable<FeatureSet> layers)
    {
        foreach (var layer in layers) _layers[layer.LayerId] = layer;
    }

    public IReadOnlyCollection<FeatureSet> Layers => _layers.Values;

    /// <summary>The features of a layer; an empty set when there are none.</summary>
    public FeatureSet this[string layerId] => _layers.TryGetValue(layerId, out var set) ? set : FeatureSet.Empty(layerId);

    public bool Contains(string layerId) => _layers.ContainsKey(layerId);
}
