using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using DesaGis.Core;
using DesaGis.Core.Layers;
using DesaGis.Core.Mapping;
using DesaGis.Core.Tiles;
using DesaGis.Rendering.Expressions;
using DesaGis.Rendering.Styles;

namespace DesaGis.Rendering.Qgis;

/// <summary>
/// Writes QGIS styles and projects from the MapLibre style (styles/desagis.json), so the GeoPackage and the MBTiles of
/// an offline package open in QGIS and QField looking like the viewer and the printed map. Every fill, line and
/// circle layer that draws a collection becomes a group of rules of a rule-based renderer (one rule per class of its
/// data-driven paint, see <see cref="QgisClassifier"/>, with the layer's filter and zoom range as scales), drawn in
/// style order through symbol levels; symbol layers whose text is a property become labels. The vector-tile basemap
/// gets the same rules as a basic vector-tile renderer and labeling. Zoom-dependent values are taken at one
/// representative zoom. Projects use relative paths only.
/// </summary>
public sealed class QgisStyleWriter(MapStyle style) : IQgisStyles
{
    /// <summary>The QGIS version the documents declare (Debian 12's, which every later version reads).</summary>
    public const string QgisVersion = "3.22.16-Białowieża";

    /// <summary>The zoom at which zoom-dependent values are taken, within each layer's range: a village-level view.</summary>
    public const double RepresentativeZoom = 12;

    private const string Wgs84Proj4 = "+proj=longlat +datum=WGS84 +no_defs";
    private const string MercatorProj4 = "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs";

    public MapStyle Style { get; } = style;

    public string? LayerQml(LayerDefinition layer)
    {
        var layers = LayersOf(layer.Id);
        if (layers.Count == 0) return null;
        return Document(w =>
        {
            w.WriteStartElement("qgis");
            w.WriteAttributeString("version", QgisVersion);
            w.WriteAttributeString("styleCategories", "Symbology|Labeling");
            w.WriteAttributeString("labelsEnabled", layers.Any(l => l.Type == StyleLayerType.Symbol && QgisSymbols.LabelField(l) is not null) ? "1" : "0");
            w.WriteAttributeString("hasScaleBasedVisibilityFlag", "0");
            w.WriteAttributeString("minScale", "100000000");
            w.WriteAttributeString("maxScale", "0");
            WriteLayerStyle(w, layer, layers);
            w.WriteEndElement();
        });
    }

    public string Project(QgisProject project)
    {
        var (x0, y0) = WebMercator.FromLonLat(project.Extent.MinX, project.Extent.MinY);
        var (x1, y1) = WebMercator.FromLonLat(project.Extent.MaxX, project.Extent.MaxY);
        // A margin, so the area's edge is not the window's edge.
        double mx = (x1 - x0) * 0.05, my = (y1 - y0) * 0.05;
        var view = new BoundingBox(x0 - mx, y0 - my, x1 + mx, y1 + my);
        // The GeoPackage layers are drawn in the style's order (villages under programmes under borders), as in the viewer.
        var layers = project.Layers.OrderBy(l => StyleOrder(l.Id)).ToList();
        var layerIds = layers.ToDictionary(l => l.Id, l => "desagis_" + l.Id, StringComparer.Ordinal);
        const string basemapId = "desagis_basemap";
        string? basemapSource = project.MbtilesFile is null ? null : "type=mbtiles&url=./" + project.MbtilesFile;
        return Document(w =>
        {
            w.WriteStartElement("qgis");
            w.WriteAttributeString("projectname", project.Title);
            w.WriteAttributeString("version", QgisVersion);
            w.WriteStartElement("homePath");
            w.WriteAttributeString("path", "");
            w.WriteEndElement();
            w.WriteElementString("title", project.Title);
            w.WriteStartElement("projectCrs");
            SpatialRefSys(w, 3857);
            w.WriteEndElement();

            // The layer tree lists the top layer first: the data over the basemap.
            w.WriteStartElement("layer-tree-group");
            w.WriteElementString("customproperties", "");
            w.WriteStartElement("layer-tree-group");
            w.WriteAttributeString("name", "Data desa (GeoPackage)");
            w.WriteAttributeString("checked", "Qt::Checked");
            w.WriteAttributeString("expanded", "1");
            w.WriteElementString("customproperties", "");
            foreach (var layer in Enumerable.Reverse(layers))
            {
                w.WriteStartElement("layer-tree-layer");
                w.WriteAttributeString("id", layerIds[layer.Id]);
                w.WriteAttributeString("name", layer.Title);
                w.WriteAttributeString("source", "./" + project.GeoPackageFile + "|layername=" + layer.Id);
                w.WriteAttributeString("providerKey", "ogr");
                w.WriteAttributeString("checked", project.VisibleLayers.Contains(layer.Id) ? "Qt::Checked" : "Qt::Unchecked");
                w.WriteAttributeString("expanded", "1");
                w.WriteElementString("customproperties", "");
                w.WriteEndElement();
            }
            w.WriteEndElement();
            if (basemapSource is not null)
            {
                w.WriteStartElement("layer-tree-layer");
                w.WriteAttributeString("id", basemapId);
                w.WriteAttributeString("name", "Peta dasar luring / offline basemap (MBTiles)");
                w.WriteAttributeString("source", basemapSource);
                w.WriteAttributeString("providerKey", "vectortile");
                w.WriteAttributeString("checked", "Qt::Checked");
                w.WriteAttributeString("expanded", "0");
                w.WriteElementString("customproperties", "");
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("mapcanvas");
            w.WriteAttributeString("name", "theMapCanvas");
            w.WriteAttributeString("annotationsVisible", "1");
            w.WriteElementString("units", "meters");
            Extent(w, "extent", view);
            w.WriteElementString("rotation", "0");
            w.WriteStartElement("destinationsrs");
            SpatialRefSys(w, 3857);
            w.WriteEndElement();
            w.WriteElementString("rendermaptile", "0");
            w.WriteEndElement();

            w.WriteStartElement("projectlayers");
            foreach (var layer in layers)
                WriteVectorLayer(w, layer, layerIds[layer.Id], "./" + project.GeoPackageFile + "|layername=" + layer.Id);
            if (basemapSource is not null)
                // Fills and names the GeoPackage shows when the project opens are left out of the basemap, so they are drawn
                // (and labelled) once; borders stay, so that the area's neighbours keep theirs.
                WriteVectorTileLayer(w, basemapId, basemapSource, project.MbtilesLayers
                    .Where(l => !(project.VisibleLayers.Contains(l.Id) && LayersOf(l.Id).Any(x => x.Type is StyleLayerType.Fill or StyleLayerType.Symbol or StyleLayerType.Circle)))
                    .ToList());
            w.WriteEndElement();

            w.WriteStartElement("layerorder");
            if (basemapSource is not null) { w.WriteStartElement("layer"); w.WriteAttributeString("id", basemapId); w.WriteEndElement(); }
            foreach (var layer in layers) { w.WriteStartElement("layer"); w.WriteAttributeString("id", layerIds[layer.Id]); w.WriteEndElement(); }
            w.WriteEndElement();

            w.WriteStartElement("properties");
            var background = Background();
            w.WriteStartElement("Gui");
            Property(w, "CanvasColorRedPart", "int", background.Red.ToString(CultureInfo.InvariantCulture));
            Property(w, "CanvasColorGreenPart", "int", background.Green.ToString(CultureInfo.InvariantCulture));
            Property(w, "CanvasColorBluePart", "int", background.Blue.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteStartElement("Paths");
            Property(w, "Absolute", "bool", "false");
            w.WriteEndElement();
            // Without this QGIS ignores projectCrs and opens the project in no CRS at all.
            w.WriteStartElement("SpatialRefSys");
            Property(w, "ProjectionsEnabled", "int", "1");
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("ProjectViewSettings");
            w.WriteAttributeString("UseProjectScales", "0");
            w.WriteAttributeString("rotation", "0");
            w.WriteElementString("Scales", "");
            w.WriteStartElement("DefaultViewExtent");
            w.WriteAttributeString("xmin", Num(view.MinX));
            w.WriteAttributeString("ymin", Num(view.MinY));
            w.WriteAttributeString("xmax", Num(view.MaxX));
            w.WriteAttributeString("ymax", Num(view.MaxY));
            SpatialRefSys(w, 3857);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    private void WriteVectorLayer(XmlWriter w, LayerDefinition layer, string id, string source)
    {
        var layers = LayersOf(layer.Id);
        w.WriteStartElement("maplayer");
        w.WriteAttributeString("type", "vector");
        w.WriteAttributeString("geometry", layer.GeometryKind switch { GeometryKind.Point => "Point", GeometryKind.MultiLineString => "Line", _ => "Polygon" });
        w.WriteAttributeString("wkbType", layer.GeometryKind switch { GeometryKind.Point => "Point", GeometryKind.MultiLineString => "MultiLineString", _ => "MultiPolygon" });
        w.WriteAttributeString("labelsEnabled", layers.Any(l => l.Type == StyleLayerType.Symbol && QgisSymbols.LabelField(l) is not null) ? "1" : "0");
        w.WriteAttributeString("styleCategories", "AllStyleCategories");
        w.WriteAttributeString("hasScaleBasedVisibilityFlag", "0");
        w.WriteAttributeString("minScale", "100000000");
        w.WriteAttributeString("maxScale", "0");
        w.WriteAttributeString("readOnly", "0");
        w.WriteElementString("id", id);
        w.WriteElementString("datasource", source);
        w.WriteElementString("layername", layer.Title);
        w.WriteStartElement("srs");
        SpatialRefSys(w, 4326);
        w.WriteEndElement();
        w.WriteStartElement("provider");
        w.WriteAttributeString("encoding", "UTF-8");
        w.WriteString("ogr");
        w.WriteEndElement();
        if (layers.Count > 0) WriteLayerStyle(w, layer, layers);
        else
        {
            w.WriteElementString("blendMode", "0");
            w.WriteElementString("layerOpacity", "1");
        }
        w.WriteEndElement();
    }

    // The renderer, labeling and blending of a vector layer: the children of both a QML document and a project's maplayer.
    private void WriteLayerStyle(XmlWriter w, LayerDefinition layer, IReadOnlyList<StyleLayer> layers)
    {
        var symbolType = QgisSymbols.SymbolType(layer.GeometryKind);
        var paint = layers.Where(l => Draws(l, layer.GeometryKind)).ToList();
        var symbols = new List<(StyleLayer Layer, QgisClass Class, int Pass)>();
        w.WriteStartElement("renderer-v2");
        w.WriteAttributeString("type", "RuleRenderer");
        // Symbol levels draw layer by layer, as MapLibre does: every fill, then every outline over them.
        w.WriteAttributeString("symbollevels", "1");
        w.WriteAttributeString("forceraster", "0");
        w.WriteAttributeString("enableorderby", "0");
        w.WriteAttributeString("referencescale", "-1");
        w.WriteStartElement("rules");
        w.WriteAttributeString("key", Key(layer.Id, "root"));
        for (int i = 0; i < paint.Count; i++)
        {
            var l = paint[i];
            string? filter = null;
            if (l.Filter is not null && (filter = QgisExpression.FromFilter(FilterRaw(l))) is null) continue;
            var legend = LegendEntry(l.Id);
            w.WriteStartElement("rule");
            w.WriteAttributeString("key", Key(layer.Id, l.Id));
            w.WriteAttributeString("label", QgisClassifier.Title(l, legend));
            if (filter is not null) w.WriteAttributeString("filter", filter);
            ScaleRange(w, l, "scalemindenom", "scalemaxdenom");
            foreach (var c in QgisClassifier.Classes(l, PaintNames(l), layer.GeometryKind, legend))
            {
                w.WriteStartElement("rule");
                w.WriteAttributeString("key", Key(layer.Id, l.Id + "/" + c.Label));
                w.WriteAttributeString("symbol", symbols.Count.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("label", c.Label);
                if (c.Filter is not null) w.WriteAttributeString("filter", c.Filter);
                w.WriteEndElement();
                symbols.Add((l, c, i));
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("symbols");
        for (int s = 0; s < symbols.Count; s++)
        {
            var (l, c, pass) = symbols[s];
            QgisSymbols.StartSymbol(w, symbolType, s.ToString(CultureInfo.InvariantCulture));
            QgisSymbols.WriteSymbolLayer(w, l, new EvaluationContext(ZoomOf(l), c.Sample), pass);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();

        var labels = layers.Where(l => l.Type == StyleLayerType.Symbol && QgisSymbols.LabelField(l) is not null).ToList();
        if (labels.Count == 1 && labels[0].Filter is null)
        {
            w.WriteStartElement("labeling");
            w.WriteAttributeString("type", "simple");
            var (min, max) = Scales(labels[0]);
            QgisSymbols.WriteLabelSettings(w, labels[0], ZoomOf(labels[0]), min, max, layer.GeometryKind == GeometryKind.MultiPolygon);
            w.WriteEndElement();
        }
        else if (labels.Count > 0)
        {
            w.WriteStartElement("labeling");
            w.WriteAttributeString("type", "rule-based");
            w.WriteStartElement("rules");
            w.WriteAttributeString("key", Key(layer.Id, "labels"));
            foreach (var l in labels)
            {
                string? filter = null;
                if (l.Filter is not null && (filter = QgisExpression.FromFilter(FilterRaw(l))) is null) continue;
                w.WriteStartElement("rule");
                w.WriteAttributeString("key", Key(layer.Id, "label/" + l.Id));
                w.WriteAttributeString("description", l.Id);
                if (filter is not null) w.WriteAttributeString("filter", filter);
                ScaleRange(w, l, "scalemindenom", "scalemaxdenom");
                QgisSymbols.WriteLabelSettings(w, l, ZoomOf(l), null, null, layer.GeometryKind == GeometryKind.MultiPolygon);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteElementString("blendMode", "0");
        w.WriteElementString("featureBlendMode", "0");
        w.WriteElementString("layerOpacity", "1");
    }

    private void WriteVectorTileLayer(XmlWriter w, string id, string source, IReadOnlyList<LayerDefinition> tileLayers)
    {
        w.WriteStartElement("maplayer");
        w.WriteAttributeString("type", "vector-tile");
        w.WriteAttributeString("styleCategories", "AllStyleCategories");
        w.WriteAttributeString("hasScaleBasedVisibilityFlag", "0");
        w.WriteAttributeString("minScale", "100000000");
        w.WriteAttributeString("maxScale", "0");
        w.WriteElementString("id", id);
        w.WriteElementString("datasource", source);
        w.WriteElementString("layername", "Peta dasar luring / offline basemap (MBTiles)");
        w.WriteStartElement("srs");
        SpatialRefSys(w, 3857);
        w.WriteEndElement();
        w.WriteElementString("provider", "vectortile");

        w.WriteStartElement("renderer");
        w.WriteAttributeString("type", "basic");
        w.WriteStartElement("styles");
        foreach (var tileLayer in tileLayers)
        {
            foreach (var l in LayersOf(tileLayer.Id).Where(l => Draws(l, tileLayer.GeometryKind)))
            {
                string? filter = null;
                if (l.Filter is not null && (filter = QgisExpression.FromFilter(FilterRaw(l))) is null) continue;
                var classes = QgisClassifier.Classes(l, PaintNames(l), tileLayer.GeometryKind, LegendEntry(l.Id));
                foreach (var c in classes)
                {
                    // Vector-tile styles have no ELSE: the rest is what no other class of the layer selects.
                    var classFilter = c.Filter == "ELSE"
                        ? "NOT (" + string.Join(" OR ", classes.Where(o => o.Filter is not null and not "ELSE").Select(o => "(" + o.Filter + ")")) + ")"
                        : c.Filter;
                    var expression = string.Join(" AND ", new[] { filter, classFilter }.OfType<string>().Select(e => "(" + e + ")"));
                    w.WriteStartElement("style");
                    StyleAttributes(w, l.Id + ": " + c.Label, tileLayer.Id, l.Type switch
                    {
                        StyleLayerType.Circle => 0,
                        StyleLayerType.Line => 1,
                        _ => 2,
                    }, expression, l);
                    w.WriteStartElement("symbols");
                    QgisSymbols.StartSymbol(w, l.Type switch { StyleLayerType.Circle => "marker", StyleLayerType.Line => "line", _ => "fill" }, "0");
                    QgisSymbols.WriteSymbolLayer(w, l, new EvaluationContext(ZoomOf(l), c.Sample), 0);
                    w.WriteEndElement();
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
            }
        }
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("labeling");
        w.WriteAttributeString("type", "basic");
        w.WriteStartElement("styles");
        foreach (var tileLayer in tileLayers)
        {
            foreach (var l in LayersOf(tileLayer.Id).Where(l => l.Type == StyleLayerType.Symbol && QgisSymbols.LabelField(l) is not null))
            {
                string? filter = null;
                if (l.Filter is not null && (filter = QgisExpression.FromFilter(FilterRaw(l))) is null) continue;
                w.WriteStartElement("style");
                StyleAttributes(w, l.Id, tileLayer.Id, tileLayer.GeometryKind switch
                {
                    GeometryKind.Point => 0,
                    GeometryKind.MultiLineString => 1,
                    _ => 2,
                }, filter ?? "", l);
                QgisSymbols.WriteLabelSettings(w, l, ZoomOf(l), null, null, tileLayer.GeometryKind == GeometryKind.MultiPolygon);
                w.WriteEndElement();
            }
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteElementString("blendMode", "0");
        w.WriteElementString("layerOpacity", "1");
        w.WriteEndElement();
    }

    // A vector-tile style's zooms: MapLibre's minzoom (inclusive) and maxzoom (exclusive) as QGIS's inclusive tile zooms;
    // -1 is "no limit".
    private static void StyleAttributes(XmlWriter w, string name, string layer, int geometry, string expression, StyleLayer l)
    {
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("layer", layer);
        w.WriteAttributeString("geometry", geometry.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("enabled", "1");
        w.WriteAttributeString("expression", expression);
        int min = l.MinZoom > 0 ? (int)Math.Ceiling(l.MinZoom) : -1;
        int max = l.MaxZoom < 24 ? (int)Math.Ceiling(l.MaxZoom) - 1 : -1;
        w.WriteAttributeString("min-zoom", min.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("max-zoom", max.ToString(CultureInfo.InvariantCulture));
    }

    private int StyleOrder(string collectionId)
    {
        for (int i = 0; i < Style.Layers.Count; i++)
            if (Style.Layers[i].SourceLayer == collectionId) return i;
        return int.MaxValue;
    }

    /// <summary>The drawable layers of the style that draw a collection, in style order.</summary>
    public IReadOnlyList<StyleLayer> LayersOf(string collectionId) =>
        Style.Layers.Where(l => l.SourceLayer == collectionId && l.Visible &&
                                l.Type is StyleLayerType.Fill or StyleLayerType.Line or StyleLayerType.Circle or StyleLayerType.Symbol).ToList();

    private static bool Draws(StyleLayer l, GeometryKind kind) => (l.Type, kind) switch
    {
        (StyleLayerType.Fill, GeometryKind.MultiPolygon) => true,
        (StyleLayerType.Line, GeometryKind.MultiPolygon or GeometryKind.MultiLineString) => true,
        (StyleLayerType.Circle, GeometryKind.Point) => true,
        _ => false,
    };

    private static IEnumerable<string> PaintNames(StyleLayer l) => l.Type switch
    {
        StyleLayerType.Fill => ["fill-color", "fill-opacity", "fill-outline-color"],
        StyleLayerType.Line => ["line-color", "line-width", "line-opacity", "line-dasharray"],
        _ => ["circle-color", "circle-radius", "circle-opacity", "circle-stroke-color", "circle-stroke-width"],
    };

    private JsonObject? LegendEntry(string styleLayerId) =>
        (Style.Metadata?["desagis:legend"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(e => e["layer"]?.GetValue<string>() == styleLayerId);

    private static JsonNode? FilterRaw(StyleLayer l) => l.Filter?.Raw;

    private static double ZoomOf(StyleLayer l) => Math.Clamp(RepresentativeZoom, l.MinZoom, Math.Max(l.MinZoom, l.MaxZoom - 0.5));

    /// <summary>The map scale QGIS shows at a MapLibre zoom (96 dpi screens, Web Mercator metres).</summary>
    public static double ScaleAt(double zoom) => WebMercator.WorldSize / (512 * Math.Pow(2, zoom)) / (0.0254 / 96);

    // Whole numbers: some QGIS versions read rule scales as integers, and "9244667.4" would read as no limit at all.
    private static (string? Min, string? Max) Scales(StyleLayer l) =>
        (l.MaxZoom < 24 ? Whole(ScaleAt(l.MaxZoom)) : null, l.MinZoom > 0 ? Whole(ScaleAt(l.MinZoom)) : null);

    private static string Whole(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);

    private static void ScaleRange(XmlWriter w, StyleLayer l, string minName, string maxName)
    {
        var (min, max) = Scales(l);
        if (min is not null) w.WriteAttributeString(minName, min);
        if (max is not null) w.WriteAttributeString(maxName, max);
    }

    private SkiaSharp.SKColor Background() =>
        Style.Layers.FirstOrDefault(l => l.Type == StyleLayerType.Background)?.PaintProperty("background-color")?.Evaluate(new EvaluationContext(RepresentativeZoom, null))
            is { } v && CssColor.TryParse(v, out var c) ? c : SkiaSharp.SKColors.White;

    private static void Property(XmlWriter w, string name, string type, string value)
    {
        w.WriteStartElement(name);
        w.WriteAttributeString("type", type);
        w.WriteString(value);
        w.WriteEndElement();
    }

    private static void Extent(XmlWriter w, string name, BoundingBox box)
    {
        w.WriteStartElement(name);
        w.WriteElementString("xmin", Num(box.MinX));
        w.WriteElementString("ymin", Num(box.MinY));
        w.WriteElementString("xmax", Num(box.MaxX));
        w.WriteElementString("ymax", Num(box.MaxY));
        w.WriteEndElement();
    }

    // QGIS takes the CRS from the authid only when srsid holds its internal id (3452 is EPSG:4326, 3857 EPSG:3857).
    private static void SpatialRefSys(XmlWriter w, int srid)
    {
        w.WriteStartElement("spatialrefsys");
        w.WriteElementString("proj4", srid == 4326 ? Wgs84Proj4 : MercatorProj4);
        w.WriteElementString("srsid", srid == 4326 ? "3452" : "3857");
        w.WriteElementString("srid", srid.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("authid", "EPSG:" + srid.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("description", srid == 4326 ? "WGS 84" : "WGS 84 / Pseudo-Mercator");
        w.WriteElementString("projectionacronym", srid == 4326 ? "longlat" : "merc");
        w.WriteElementString("ellipsoidacronym", "EPSG:7030");
        w.WriteElementString("geographicflag", srid == 4326 ? "true" : "false");
        w.WriteEndElement();
    }

    // Rule keys are stable (derived from names), so the same style always writes the same document.
    private static string Key(string scope, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + name));
        return "{" + new Guid(hash.AsSpan(0, 16)).ToString() + "}";
    }

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Document(Action<XmlWriter> write)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, IndentChars = " ", OmitXmlDeclaration = true }))
        {
            w.WriteDocType("qgis", "http://mrcc.com/qgis.dtd", "SYSTEM", null);
            write(w);
        }
        return sb.ToString();
    }
}
