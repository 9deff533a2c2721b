using System.Text.Json.Nodes;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Expressions;

namespace DesaGis.Rendering.Styles;

/// <summary>One parsed layer of a style: what it draws (type, source layer, filter, zoom range) and how (paint, layout).</summary>
public sealed class StyleLayer
{
    public required string Id { get; init; }
    public required StyleLayerType Type { get; init; }

    /// <summary>The MapLibre type as written (kept for layers this renderer skips).</summary>
    public required string TypeName { get; init; }

    public string? Source { get; init; }

    /// <summary>The layer of the source (a DesaGis collection id) whose features this layer draws.</summary>
    public string? SourceLayer { get; init; }

    public double MinZoom { get; init; }
    public double MaxZoom { get; init; } = 24;
    public bool Visible { get; init; } = true;
    public StyleExpression? Filter { get; init; }
    public required IReadOnlyDictionary<string, StyleExpression> Paint { get; init; }
    public required IReadOnlyDictionary<string, StyleExpression> Layout { get; init; }

    /// <summary>The layer's <c>metadata</c> object (legend titles and items live here), or null.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>True when the layer draws at the zoom (MapLibre: minzoom inclusive, maxzoom exclusive).</summary>
    public bool IsShownAt(double zoom) => Visible && zoom >= MinZoom && zoom < MaxZoom;

    /// <summary>True when the feature passes the layer's filter.</summary>
    public bool Accepts(MapFeature feature, double zoom) => Filter is null || Filter.EvaluateBoolean(new EvaluationContext(zoom, feature));

    public StyleExpression? PaintProperty(string name) => Paint.GetValueOrDefault(name);
    public StyleExpression? LayoutProperty(string name) => Layout.GetValueOrDefault(name);
}
