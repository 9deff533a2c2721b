using System.Diagnostics;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Drawing;
using DesaGis.Rendering.Fonts;
using DesaGis.Rendering.Layout;
using DesaGis.Rendering.Styles;
using SkiaSharp;

namespace DesaGis.Rendering.Tests;

public class RenderingTests
{
    private static readonly DateOnly PrintDate = new(2026, 1, 15);

    private static MapPageOptions Options(MapOutputFormat format, PaperSize paper = PaperSize.A4,
        PageOrientation orientation = PageOrientation.Landscape, int dpi = 96) => new()
    {
        Paper = paper,
        Orientation = orientation,
        Dpi = dpi,
        Format = format,
        Date = PrintDate,
        Sources = ["Batas wilayah: Kepmendagri 300.2.2-2138/2025", "Indikator: contoh uji"],
    };

    private static MapPage Page(string title = "Kabupaten Barito Kuala") => new()
    {
        Title = title,
        Subtitle = "Provinsi Kalimantan Selatan — penduduk miskin per desa",
        Extent = SampleMap.Extent,
        Data = SampleMap.Data(),
        Overview = SampleMap.Overview(),
    };

    private static byte[] Render(IReadOnlyList<MapPage> pages, MapPageOptions options)
    {
        using var stream = new MemoryStream();
        new MapDocumentRenderer(SampleMap.Style()).Render(pages, options, stream);
        return stream.ToArray();
    }

    [Fact]
    public void An_A4_landscape_png_matches_its_baseline()
    {
        var png = Render([Page()], Options(MapOutputFormat.Png));
        ImageAssert.MatchesBaseline(png, "a4-landscape-96dpi.png");
    }

    [Fact]
    public void An_A4_portrait_png_matches_its_baseline()
    {
        var png = Render([Page()], Options(MapOutputFormat.Png, orientation: PageOrientation.Portrait));
        ImageAssert.MatchesBaseline(png, "a4-portrait-96dpi.png");
    }

    [Fact]
    public void The_png_has_the_paper_size_at_the_requested_dpi()
    {
        using var a4 = SKBitmap.Decode(Render([Page()], Options(MapOutputFormat.Png, dpi: 150)));
        Assert.Equal((1754, 1240), (a4.Width, a4.Height)); // 297 × 210 mm at 150 dpi
        using var a3 = SKBitmap.Decode(Render([Page()], Options(MapOutputFormat.Png, PaperSize.A3, PageOrientation.Portrait)));
        Assert.Equal((1123, 1587), (a3.Width, a3.Height));
    }

    [Fact]
    public void Village_colours_follow_the_poverty_classes()
    {
        var frame = new SKRect(0, 0, 800, 600);
        using var bitmap = DrawMapOnly(frame, out var viewport);
        // Village 0 (5 %) is pale yellow, village 4 (35 %) dark red, village 6 (no data) grey; sampled off-centre
        // so that labels do not cover the sample.
        AssertFillAt(bitmap, viewport, 0, "#ffffcc");
        AssertFillAt(bitmap, viewport, 4, "#800026");
        AssertFillAt(bitmap, viewport, 6, "#d9d9d9");
    }

    [Fact]
    public void Labels_are_drawn_as_dark_text_in_the_label_area()
    {
        var style = MapStyle.Parse("""
        {"version": 8, "layers": [
          {"id": "bg", "type": "background", "paint": {"background-color": "#ffffff"}},
          {"id": "names", "type": "symbol", "source-layer": "village_indicators",
           "layout": {"text-field": ["get", "nama"], "text-size": 14}, "paint": {"text-color": "#000000"}}
        ]}
        """);
        var frame = new SKRect(0, 0, 800, 600);
        var viewport = Viewport.Fit(SampleMap.Extent, frame, margin: 0);
        var data = SampleMap.Data();
        using var bitmap = new SKBitmap(800, 600);
        using (var canvas = new SKCanvas(bitmap))
            new MapRenderer(style).Draw(canvas, viewport, data);
        var village = SampleMap.VillageGeometry(5);
        var centre = viewport.Project(village.InteriorPoint.X, village.InteriorPoint.Y);
        var labelArea = new SKRectI((int)centre.X - 50, (int)centre.Y - 10, (int)centre.X + 50, (int)centre.Y + 10);
        Assert.True(ImageAssert.CountDark(bitmap, labelArea) > 60, "The label 'Pulau Sugara'' left too few dark pixels: text was not drawn.");
        // Away from labels the map stays white.
        Assert.Equal(0, ImageAssert.CountDark(bitmap, new SKRectI(2, 2, 30, 30)));
    }

    [Fact]
    public void Indonesian_and_accented_names_have_glyphs_in_the_bundled_font()
    {
        var glyphs = FontLibrary.Regular.GetGlyphs("Pulau Sugara' – Désa Āmpah Ōù ñ");
        Assert.DoesNotContain((ushort)0, glyphs);
        Assert.Contains("DejaVu", FontLibrary.Regular.FamilyName);
        Assert.True(FontLibrary.Bold.IsBold);
    }

    [Fact]
    public void A_missing_font_is_an_error_not_invisible_text()
    {
        var ex = Assert.Throws<MissingFontException>(() => FontLibrary.Load("NotBundled.ttf"));
        Assert.Contains("NotBundled.ttf", ex.Message);
    }

    [Fact]
    public void An_atlas_pdf_has_one_page_per_village()
    {
        var pages = Enumerable.Range(0, 3).Select(i => Page($"Desa {SampleMap.Names[i]}") with
        {
            Extent = new Core.BoundingBox(SampleMap.VillageGeometry(i).EnvelopeInternal.MinX, SampleMap.VillageGeometry(i).EnvelopeInternal.MinY,
                SampleMap.VillageGeometry(i).EnvelopeInternal.MaxX, SampleMap.VillageGeometry(i).EnvelopeInternal.MaxY),
            Focus = SampleMap.VillageGeometry(i),
        }).ToList();
        var pdf = Render(pages, Options(MapOutputFormat.Pdf, PaperSize.A3));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var path = Path.Combine(Path.GetTempPath(), $"atlas-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var info = Run("pdfinfo", path);
            Assert.Matches(@"Pages:\s+3", info);
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(info, @"Page size:\s+119[01]\.\d+ x 84[12]\.\d+ pts \(A3\)"), info); // A3 landscape: 420 × 297 mm, 1190.6 × 841.9 pt
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_png_cannot_hold_an_atlas()
    {
        Assert.Throws<ArgumentException>(() => Render([Page(), Page()], Options(MapOutputFormat.Png)));
    }

    [Fact]
    public void A_dpi_outside_96_to_300_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Render([Page()], Options(MapOutputFormat.Png, dpi: 600)));
    }

    [Fact]
    public void The_same_input_renders_the_same_bytes()
    {
        var first = Render([Page()], Options(MapOutputFormat.Png));
        var second = Render([Page()], Options(MapOutputFormat.Png));
        Assert.Equal(first, second);
    }

    private static SKBitmap DrawMapOnly(SKRect frame, out Viewport viewport)
    {
        viewport = Viewport.Fit(SampleMap.Extent, frame, margin: 0);
        var bitmap = new SKBitmap((int)frame.Width, (int)frame.Height);
        using var canvas = new SKCanvas(bitmap);
        new MapRenderer(SampleMap.Style()).Draw(canvas, viewport, SampleMap.Data());
        return bitmap;
    }

    private static void AssertFillAt(SKBitmap bitmap, Viewport viewport, int village, string hex)
    {
        var env = SampleMap.VillageGeometry(village).EnvelopeInternal;
        var corner = viewport.Project(env.MinX + env.Width * 0.1, env.MaxY - env.Height * 0.1);
        var area = new SKRectI((int)corner.X, (int)corner.Y, (int)corner.X + 12, (int)corner.Y + 12);
        // fill-opacity 0.85 over the kabupaten fill (#f7f5ef) gives the printed tone.
        var expected = CssColor.Parse(hex);
        var background = CssColor.Parse("#f7f5ef");
        var blended = new SKColor(Mix(expected.Red, background.Red), Mix(expected.Green, background.Green), Mix(expected.Blue, background.Blue));
        Assert.True(ImageAssert.CountNear(bitmap, area, blended) > 100, $"Village {village} is not filled with {hex} (expected {blended}).");
    }

    private static byte Mix(byte fg, byte bg) => (byte)Math.Round(fg * 0.85 + bg * 0.15);

    private static string Run(string tool, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, [argument]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
