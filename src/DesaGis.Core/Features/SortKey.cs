using DesaGis.Core.Layers;

namespace DesaGis.Core.Features;

/// <summary>One term of a <c>sortby</c>: a catalog property and its direction.</summary>
public sealed record SortKey(LayerProperty Property, bool Descending);
