using SkiaSharp;

namespace DesaGis.Rendering.Tests;

/// <summary>Pixel checks on rendered images, and the baseline comparison with a tolerance.</summary>
public static class ImageAssert
{
    public static string BaselinePath(string name) =>
        Path.Combine(FindTestProjectDirectory(), "Baselines", name);

    /// <summary>
    /// Compares with the stored baseline: a pixel differs when a channel is off by more than 24; at most 0.5 % of pixels
    /// may differ (anti-aliasing and Skia versions move a few edge pixels). With DESAGIS_UPDATE_BASELINES=1 the
    /// baseline is (re)written instead, to be looked at and committed.
    /// </summary>
    public static void MatchesBaseline(byte[] png, string name)
    {
        var path = BaselinePath(name);
        if (Environment.GetEnvironmentVariable("DESAGIS_UPDATE_BASELINES") == "1")
        {
            File.WriteAllBytes(path, png);
            return;
        }
        Assert.True(File.Exists(path), $"The baseline {path} is missing; run with DESAGIS_UPDATE_BASELINES=1, look at it and commit it.");
        using var expected = SKBitmap.Decode(path);
        using var actual = SKBitmap.Decode(png);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        long differing = 0;
        for (int y = 0; y < actual.Height; y++)
            for (int x = 0; x < actual.Width; x++)
            {
                var a = actual.GetPixel(x, y);
                var e = expected.GetPixel(x, y);
                if (Math.Abs(a.Red - e.Red) > 24 || Math.Abs(a.Green - e.Green) > 24 || Math.Abs(a.Blue - e.Blue) > 24) differing++;
            }
        double share = differing / (double)(actual.Width * actual.Height);
        if (share > 0.005)
        {
            var failed = Path.Combine(Path.GetTempPath(), "actual-" + name);
            File.WriteAllBytes(failed, png);
            Assert.Fail($"{share:P2} of the pixels differ from {name} (allowed 0.5 %); the rendering was written to {failed}.");
        }
    }

    /// <summary>Pixels in a rectangle whose colour is within a small distance of the given one.</summary>
    public static int CountNear(SKBitmap bitmap, SKRectI rect, SKColor color, int tolerance = 6)
    {
        int n = 0;
        for (int y = Math.Max(0, rect.Top); y < Math.Min(bitmap.Height, rect.Bottom); y++)
            for (int x = Math.Max(0, rect.Left); x < Math.Min(bitmap.Width, rect.Right); x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - color.Red) <= tolerance && Math.Abs(p.Green - color.Green) <= tolerance && Math.Abs(p.Blue - color.Blue) <= tolerance) n++;
            }
        return n;
    }

    /// <summary>Pixels darker than the threshold (sum of channels) in a rectangle: text is drawn dark.</summary>
    public static int CountDark(SKBitmap bitmap, SKRectI rect, int threshold = 200)
    {
        int n = 0;
        for (int y = Math.Max(0, rect.Top); y < Math.Min(bitmap.Height, rect.Bottom); y++)
            for (int x = Math.Max(0, rect.Left); x < Math.Min(bitmap.Width, rect.Right); x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Red + p.Green + p.Blue < threshold) n++;
            }
        return n;
    }

    private static string FindTestProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DesaGis.Rendering.Tests.csproj"))) return dir.FullName;
        throw new InvalidOperationException("Could not find tests/DesaGis.Rendering.Tests above " + AppContext.BaseDirectory);
    }
}
