using DesaGis.Core.Cql2;
using DesaGis.Core.Layers;

namespace DesaGis.Core.Features;

/// <summary>
/// A validated request for features of one layer. Every name in it has been looked up in the layer's catalog
/// entry; every value is a plain value, to be bound as a parameter.
/// </summary>
public sealed record FeatureQuery
{
    public required LayerDefinition Layer { get; init; }

    /// <summary>The spatial filter, in <see cref="BboxCrs"/> axis order as given by the client.</summary>
    public BoundingBox? Bbox { get; init; }

    public CrsDefinition BboxCrs { get; init; } = CrsRegistry.Crs84;

    /// <summary>The CRS of the returned geometries.</summary>
    public CrsDefinition Crs { get; init; } = CrsRegistry.Crs84;

    public int Limit { get; init; } = FeatureLimits.Default;

    public long Offset { get; init; }

    /// <summary>The properties to return; null means all of them.</summary>
    public IReadOnlyList<LayerProperty>? Properties { get; init; }

    public IReadOnlyList<SortKey> SortBy { get; init; } = [];

    /// <summary>The filter (CQL2 and simple equality parameters, combined with AND); null when there is none.</summary>
    public CqlExpression? Filter { get; init; }

    /// <summary>The CRS of geometry literals in <see cref="Filter"/>.</summary>
    public CrsDefinition FilterCrs { get; init; } = CrsRegistry.Crs84;

    /// <summary>A year interval from <c>datetime</c>, applied to the layer's temporal column; null bounds are open.</summary>
    public (int? From, int? To)? Years { get; init; }

    /// <summary>The properties that will be written, in order.</summary>
    public IReadOnlyList<LayerProperty> SelectedProperties => Properties ?? Layer.Properties;
}
