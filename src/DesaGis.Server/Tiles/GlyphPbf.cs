using System.Text;

namespace DesaGis.Server.Tiles;

/// <summary>The protobuf encoding of a glyph range (glyphs → fontstack → glyph), as MapLibre reads it.</summary>
public static class GlyphPbf
{
    /// <summary>One glyph: its SDF bitmap (with a 3-pixel border) and metrics in pixels at 24 px.</summary>
    public sealed record Glyph(uint Id, byte[] Bitmap, uint Width, uint Height, int Left, int Top, uint Advance);

    public static byte[] Encode(string fontStack, string range, IEnumerable<Glyph> glyphs)
    {
        var stack = new MemoryStream();
        WriteBytes(stack, 1, Encoding.UTF8.GetBytes(fontStack));
        WriteBytes(stack, 2, Encoding.UTF8.GetBytes(range));
        foreach (var g in glyphs)
        {
            var glyph = new MemoryStream();
            WriteVarintField(glyph, 1, g.Id);
            if (g.Bitmap.Length > 0) WriteBytes(glyph, 2, g.Bitmap);
            WriteVarintField(glyph, 3, g.Width);
            WriteVarintField(glyph, 4, g.Height);
            WriteVarintField(glyph, 5, ZigZag(g.Left));
            WriteVarintField(glyph, 6, ZigZag(g.Top));
            WriteVarintField(glyph, 7, g.Advance);
            WriteBytes(stack, 3, glyph.ToArray());
        }
        var root = new MemoryStream();
        WriteBytes(root, 1, stack.ToArray());
        return root.ToArray();
    }

    private static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    private static void WriteVarintField(Stream s, int field, ulong value)
    {
        WriteVarint(s, (ulong)(field << 3));
        WriteVarint(s, value);
    }

    private static void WriteBytes(Stream s, int field, byte[] data)
    {
        WriteVarint(s, (ulong)((field << 3) | 2));
        WriteVarint(s, (ulong)data.Length);
        s.Write(data);
    }

    private static void WriteVarint(Stream s, ulong value)
    {
        while (value >= 0x80)
        {
            s.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        s.WriteByte((byte)value);
    }
}
