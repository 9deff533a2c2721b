using System.Globalization;
using System.Security.Claims;
using DesaGis.Core;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;
using DesaGis.Core.Ogc;
using DesaGis.Data.Catalog;
using DesaGis.Rendering.Maps;
using DesaGis.Server.Security;
using SkiaSharp;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Ows;

/// <summary>
/// The map part of a GetMap or GetFeatureInfo request, validated at the edge: visible layers with their styles, the CRS
/// and the box (turned to easting/longitude-first order: WMS 1.3.0 gives EPSG:4326 boxes latitude first), the image
/// size within the service's limits, the format and background. Anything wrong becomes an <see cref="OwsException"/>.
/// </summary>
public sealed record WmsMapRequest
{
    /// <summary>Widest and tallest image served, in pixels.</summary>
    public const int MaxSize = 4096;

    /// <summary>Most layers one request may combine.</summary>
    public const int LayerLimit = 16;

    public required WmsVersion Version { get; init; }
    public required IReadOnlyList<(LayerDefinition Layer, WmsStyle Style)> Layers { get; init; }

    /// <summary>The CRS of the box and of the data drawn, easting/longitude first.</summary>
    public required CrsDefinition Crs { get; init; }

    /// <summary>The CRS name as the client wrote it (for messages).</summary>
    public required string CrsName { get; init; }

    /// <summary>The box, easting/longitude first.</summary>
    public required BoundingBox Box { get; init; }

    public required int Width { get; init; }
    public required int Height { get; init; }
    public required MapImageFormat Format { get; init; }
    public required bool Transparent { get; init; }
    public required SKColor Background { get; init; }

    /// <summary>The MapLibre zoom of the image's scale.</summary>
    public double Zoom => MapScale.Zoom(Box, Width, Crs);

    /// <summary>The media type of <see cref="Format"/>.</summary>
    public string MediaType => Format == MapImageFormat.Jpeg ? OgcMediaTypes.Jpeg : OgcMediaTypes.Png;

    /// <summary>A key that is equal for requests that draw the same image.</summary>
    public string CacheKey => string.Create(CultureInfo.InvariantCulture,
        $"{string.Join(',', Layers.Select(l => l.Layer.Id + ":" + l.Style.Name))}|{Crs.Srid}|{Box.MinX:R},{Box.MinY:R},{Box.MaxX:R},{Box.MaxY:R}|{Width}x{Height}|{Format}|{Transparent}|{(uint)Background}");

    /// <summary>Parses the map parameters; FORMAT is read only when <paramref name="requireFormat"/> (GetMap, not GetFeatureInfo).</summary>
    public static WmsMapRequest Parse(OwsParameters p, WmsVersion version, LayerCatalog catalog, WmsStyleCatalog styles, ClaimsPrincipal user,
        bool requireFormat)
    {
        var layers = ParseLayers(p, catalog, styles, user);
        var (crs, crsName) = ParseCrs(p, version);
        var box = ParseBox(p, crs, version);
        int width = Size(p, "WIDTH"), height = Size(p, "HEIGHT");
        if ((long)width * height > (long)MaxSize * MaxSize / 2)
            throw OwsException.Invalid("WIDTH", new OwsText(
                $"Gambar {width}×{height} piksel terlalu besar; minta paling banyak {MaxSize * MaxSize / 2 / 1_000_000} juta piksel (mis. 4096×2048), atau bagi menjadi ubin.",
                $"An image of {width}×{height} pixels is too large; ask for at most {MaxSize * MaxSize / 2 / 1_000_000} million pixels (e.g. 4096×2048), or split it into tiles."));
        var format = requireFormat ? ParseFormat(p) : MapImageFormat.Png;
        bool transparent = Bool(p, "TRANSPARENT");
        var background = ParseBackground(p);
        if (p.NonBlank("SLD") is not null || p.NonBlank("SLD_BODY") is not null)
            throw new OwsException(OwsCodes.OperationNotSupported, p.Has("SLD") ? "SLD" : "SLD_BODY", new OwsText(
                "Gaya SLD dari klien tidak didukung; pilih salah satu gaya yang tercantum di GetCapabilities dengan STYLES.",
                "Client-supplied SLD styles are not supported; pick one of the styles listed in GetCapabilities with STYLES."));
        return new WmsMapRequest
        {
            Version = version, Layers = layers, Crs = crs, CrsName = crsName, Box = box, Width = width, Height = height,
            Format = format, Transparent = transparent, Background = background,
        };
    }

    /// <summary>LAYERS (and STYLES), each layer resolved through <see cref="LayerAccess"/>.</summary>
    public static IReadOnlyList<(LayerDefinition Layer, WmsStyle Style)> ParseLayers(OwsParameters p, LayerCatalog catalog, WmsStyleCatalog styles, ClaimsPrincipal user,
        string parameter = "LAYERS")
    {
        var text = p.NonBlank(parameter) ?? throw OwsException.Missing(parameter, new OwsText(
            $"Sebutkan lapisan, mis. {parameter}=village_indicators,kecamatan.", $"Name the layers, e.g. {parameter}=village_indicators,kecamatan."));
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length > LayerLimit)
            throw OwsException.Invalid(parameter, new OwsText($"Paling banyak {LayerLimit} lapisan per permintaan; ada {names.Length}.",
                $"At most {LayerLimit} layers per request; this one names {names.Length}."));
        var styleNames = (p.Get("STYLES") ?? "").Split(',', StringSplitOptions.TrimEntries);
        bool stylesGiven = styleNames.Any(s => s.Length > 0);
        if (parameter == "LAYERS" && stylesGiven && styleNames.Length != names.Length)
            throw new OwsException(OwsCodes.StyleNotDefined, "STYLES", new OwsText(
                $"STYLES memuat {styleNames.Length} gaya untuk {names.Length} lapisan; beri satu per lapisan (kosong untuk gaya bawaan).",
                $"STYLES has {styleNames.Length} entries for {names.Length} layers; give one per layer (empty for the default style)."));
        var list = new List<(LayerDefinition, WmsStyle)>(names.Length);
        for (int i = 0; i < names.Length; i++)
        {
            var layer = Find(names[i], catalog, user, parameter);
            var styleName = parameter == "LAYERS" && stylesGiven ? styleNames[i] : null;
            var style = styles.Find(layer, styleName) ?? throw new OwsException(OwsCodes.StyleNotDefined, "STYLES", new OwsText(
                $"Lapisan {layer.Id} tidak punya gaya '{OwsParameters.Shorten(styleName)}'. Gaya: {string.Join(", ", styles.StylesOf(layer).Select(s => s.Name))}.",
                $"The layer {layer.Id} has no style '{OwsParameters.Shorten(styleName)}'. Styles: {string.Join(", ", styles.StylesOf(layer).Select(s => s.Name))}."));
            list.Add((layer, style));
        }
        return list;
    }

    /// <summary>
    /// A layer by name (a <c>desagis:</c> prefix is accepted), if the caller may see it. Hidden and unknown layers get the
    /// same answer (404), so a restricted layer's existence is not disclosed; a signed-in caller without the role gets 403.
    /// </summary>
    public static LayerDefinition Find(string name, LayerCatalog catalog, ClaimsPrincipal user, string parameter, string code = OwsCodes.LayerNotDefined)
    {
        var id = name.StartsWith(OwsXml.Prefix + ":", StringComparison.Ordinal) ? name[(OwsXml.Prefix.Length + 1)..] : name;
        if (LayerAccess.Find(catalog, id, user) is { } layer) return layer;
        if (catalog.Find(id) is { RequiredRole: { } role } && user.Identity?.IsAuthenticated == true)
            throw new OwsException(code, parameter, new OwsText(
                $"Lapisan '{id}' terbatas untuk peran {role}; minta kunci dengan peran itu kepada administrator.",
                $"The layer '{id}' is restricted to the {role} role; ask an administrator for a key with that role."), StatusCodes.Status403Forbidden);
        var known = string.Join(", ", LayerAccess.Visible(catalog, user).Select(l => l.Id));
        throw new OwsException(code, parameter, new OwsText(
            $"Tidak ada lapisan '{OwsParameters.Shorten(name)}'. Lapisan: {known}.",
            $"There is no layer '{OwsParameters.Shorten(name)}'. Layers: {known}."), StatusCodes.Status404NotFound);
    }

    private static (CrsDefinition, string) ParseCrs(OwsParameters p, WmsVersion version)
    {
        string parameter = version == WmsVersion.V130 ? "CRS" : "SRS";
        var name = p.NonBlank(parameter) ?? p.NonBlank(version == WmsVersion.V130 ? "SRS" : "CRS")
            ?? throw OwsException.Missing(parameter, new OwsText("Mis. CRS=EPSG:3857 atau CRS=CRS:84.", "E.g. CRS=EPSG:3857 or CRS=CRS:84."));
        var crs = OgcCrsNames.Resolve(name, epsgShortFormIsLonLat: version == WmsVersion.V111)
            ?? throw new OwsException(OwsCodes.InvalidCrs, parameter, new OwsText(
                $"CRS '{OwsParameters.Shorten(name)}' tidak didukung. Gunakan CRS:84, EPSG:4326, EPSG:3857, EPSG:4755 atau zona UTM EPSG:32746–32754 / 32646–32654.",
                $"The CRS '{OwsParameters.Shorten(name)}' is not supported. Use CRS:84, EPSG:4326, EPSG:3857, EPSG:4755 or a UTM zone EPSG:32746–32754 / 32646–32654."));
        return (crs, name);
    }

    private static BoundingBox ParseBox(OwsParameters p, CrsDefinition crs, WmsVersion version)
    {
        var text = p.NonBlank("BBOX") ?? throw OwsException.Missing("BBOX", new OwsText(
            "Beri BBOX=minx,miny,maxx,maxy dalam CRS permintaan.", "Give BBOX=minx,miny,maxx,maxy in the request's CRS."));
        var parts = text.Split(',');
        var values = new double[parts.Length];
        bool numbers = parts.Length == 4;
        for (int i = 0; numbers && i < parts.Length; i++)
            numbers = double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i]);
        if (!numbers)
            throw OwsException.Invalid("BBOX", new OwsText($"BBOX '{OwsParameters.Shorten(text)}' bukan empat angka minx,miny,maxx,maxy.",
                $"BBOX '{OwsParameters.Shorten(text)}' is not four numbers minx,miny,maxx,maxy."));
        if (values[0] >= values[2] || values[1] >= values[3])
            throw OwsException.Invalid("BBOX", new OwsText($"BBOX '{OwsParameters.Shorten(text)}' terbalik atau tanpa luas: nilai minimum harus lebih kecil dari maksimum.",
                $"BBOX '{OwsParameters.Shorten(text)}' is inverted or has no area: each minimum must be below its maximum."));
        var box = new BoundingBox(values[0], values[1], values[2], values[3]);
        if (crs.LatitudeFirst && version == WmsVersion.V130)
        {
            // WMS 1.3.0 writes EPSG:4326 boxes in the EPSG axis order: minLat,minLon,maxLat,maxLon.
            box = new BoundingBox(box.MinY, box.MinX, box.MaxY, box.MaxX);
        }
        var dataCrs = Core.Fes.GmlGeometryReader.LonLatVariant(crs);
        double limitX = dataCrs.Geographic ? 540 : 1e8, limitY = dataCrs.Geographic ? 90.0001 : 1e8;
        if (Math.Abs(box.MinX) > limitX || Math.Abs(box.MaxX) > limitX || Math.Abs(box.MinY) > limitY || Math.Abs(box.MaxY) > limitY)
            throw OwsException.Invalid("BBOX", new OwsText(
                $"BBOX '{OwsParameters.Shorten(text)}' berada di luar dunia untuk CRS ini" + (crs.LatitudeFirst ? " (di WMS 1.3.0, EPSG:4326 ditulis lintang dahulu: minLat,minLon,maxLat,maxLon)." : "."),
                $"BBOX '{OwsParameters.Shorten(text)}' lies outside the world for this CRS" + (crs.LatitudeFirst ? " (in WMS 1.3.0, EPSG:4326 is written latitude first: minLat,minLon,maxLat,maxLon)." : ".")));
        return box;
    }

    /// <summary>The CRS the box and the data are in (easting/longitude first).</summary>
    public CrsDefinition DataCrs => Core.Fes.GmlGeometryReader.LonLatVariant(Crs);

    private static int Size(OwsParameters p, string name)
    {
        var text = p.NonBlank(name) ?? throw OwsException.Missing(name, new OwsText("Mis. WIDTH=256&HEIGHT=256.", "E.g. WIDTH=256&HEIGHT=256."));
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1 || value > MaxSize)
            throw OwsException.Invalid(name, new OwsText($"{name} '{OwsParameters.Shorten(text)}' harus bilangan bulat 1–{MaxSize}.",
                $"{name} '{OwsParameters.Shorten(text)}' must be a whole number from 1 to {MaxSize}."));
        return value;
    }

    private static MapImageFormat ParseFormat(OwsParameters p)
    {
        var text = p.NonBlank("FORMAT") ?? throw OwsException.Missing("FORMAT", new OwsText("Mis. FORMAT=image/png.", "E.g. FORMAT=image/png."));
        var t = text.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (t is OgcMediaTypes.Png or "png" or "image/png;mode=8bit" or "image/png8" or "image/png;mode=24bit" or "image/png;mode=32bit") return MapImageFormat.Png;
        if (t is OgcMediaTypes.Jpeg or "jpeg" or "jpg" or "image/jpg") return MapImageFormat.Jpeg;
        throw new OwsException(OwsCodes.InvalidFormat, "FORMAT", new OwsText(
            $"Format '{OwsParameters.Shorten(text)}' tidak didukung; gunakan image/png atau image/jpeg.",
            $"The format '{OwsParameters.Shorten(text)}' is not supported; use image/png or image/jpeg."));
    }

    /// <summary>A WMS boolean (TRUE/FALSE, any case); absent is false.</summary>
    public static bool Bool(OwsParameters p, string name)
    {
        var text = p.NonBlank(name);
        if (text is null) return false;
        return text.ToUpperInvariant() switch
        {
            "TRUE" or "1" or "YES" => true,
            "FALSE" or "0" or "NO" => false,
            _ => throw OwsException.Invalid(name, new OwsText($"{name} harus TRUE atau FALSE.", $"{name} must be TRUE or FALSE.")),
        };
    }

    private static SKColor ParseBackground(OwsParameters p)
    {
        var text = p.NonBlank("BGCOLOR");
        if (text is null) return SKColors.White;
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text.TrimStart('#');
        if (hex.Length == 6 && uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            return new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        throw OwsException.Invalid("BGCOLOR", new OwsText($"BGCOLOR '{OwsParameters.Shorten(text)}' bukan warna 0xRRGGBB.",
            $"BGCOLOR '{OwsParameters.Shorten(text)}' is not a colour 0xRRGGBB."));
    }
}
