using DesaGis.Core.Layers;

namespace DesaGis.Core.Tiles;

/// <summary>Derives TileJSON from layer definitions, so that what TileJSON declares is what the tiles carry.</summary>
public static class TileJsonFactory
{
    /// <summary>Indonesia, west-south-east-north in degrees: the extent DesaGis data lives in.</summary>
    public static readonly BoundingBox IndonesiaBounds = new(94.7, -11.2, 141.1, 6.2);

    /// <summary>The TileJSON of a layer or a composite of layers served from one tile URL template.</summary>
    public static TileJson Create(IReadOnlyList<LayerDefinition> layers, string tileUrlTemplate, BoundingBox? bounds = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(layers.Count);
        var box = bounds ?? IndonesiaBounds;
        int minZoom = layers.Min(l => l.MinZoom);
        int maxZoom = layers.Max(l => l.MaxZoom);
        return new TileJson
        {
            Name = string.Join(",", layers.Select(l => l.Id)),
            Description = layers.Count == 1 ? layers[0].Description : string.Join(" + ", layers.Select(l => l.Title)),
            Attribution = string.Join(", ", layers.Select(l => l.Attribution).Distinct(StringComparer.Ordinal)),
            Tiles = [tileUrlTemplate],
            MinZoom = minZoom,
            MaxZoom = maxZoom,
            Bounds = [box.MinX, box.MinY, box.MaxX, box.MaxY],
            Center = [box.CenterX, box.CenterY, FitZoom(box, minZoom, maxZoom)],
            VectorLayers = layers.Select(VectorLayer).ToList(),
        };
    }

    /// <summary>
    /// The whole zoom at which the box fills a window of about 1024 pixels (MapLibre's 512-pixel tiles), within the
    /// layers' zooms: the view a client opens on when it starts from <c>center</c>.
    /// </summary>
    public static int FitZoom(BoundingBox box, int minZoom, int maxZoom)
    {
        var (x0, y0) = WebMercator.FromLonLat(box.MinX, box.MinY);
        var (x1, y1) = WebMercator.FromLonLat(box.MaxX, box.MaxY);
        double span = Math.Max(Math.Max(x1 - x0, y1 - y0), 1);
        int zoom = (int)Math.Floor(Math.Log2(WebMercator.WorldSize * 2 / span));
        return Math.Clamp(zoom, minZoom, maxZoom);
    }

    public static TileJsonVectorLayer VectorLayer(LayerDefinition layer) => new()
    {
        Id = layer.Id,
        Description = layer.Title,
        MinZoom = layer.MinZoom,
        MaxZoom = layer.MaxZoom,
        Fields = layer.Properties.Where(p => p.InTiles).ToDictionary(p => p.Name, p => FieldType(p.Type), StringComparer.Ordinal),
    };

    /// <summary>TileJSON's field type words.</summary>
    public static string FieldType(PropertyType type) => type switch
    {
        PropertyType.Integer or PropertyType.Number => "Number",
        PropertyType.Boolean => "Boolean",
        _ => "String",
    };
}
