using System.IO.Compression;

namespace DesaGis.Data.Import.Sources;

/// <summary>
/// Checks a zip before anything is extracted from it: a bounded number of entries, a bounded total size and
/// compression ratio (zip bombs), and no entry that would land outside the extraction folder (path traversal).
/// </summary>
public static class ZipSafety
{
    public const int MaxEntries = 64;
    public const long MaxTotalBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Deflate cannot honestly shrink map data by more than this; bombs shrink by thousands.</summary>
    public const double MaxRatio = 200;

    /// <summary>Throws <see cref="ImportException"/> with the reason when the zip is unsafe to extract.</summary>
    public static void Inspect(string path, string displayName)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportException($"{displayName} is not a readable zip file: {ex.Message}", ex);
        }
        using (archive)
        {
            if (archive.Entries.Count > MaxEntries)
                throw new ImportException($"{displayName} holds {archive.Entries.Count} entries; a shapefile zip needs a handful (at most {MaxEntries}).");
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.StartsWith('/') || name.Contains("../", StringComparison.Ordinal) || name == ".." ||
                    name.EndsWith("/..", StringComparison.Ordinal) || (name.Length > 1 && name[1] == ':'))
                    throw new ImportException($"{displayName} contains the entry '{Shorten(entry.FullName)}', whose path points outside the archive; it was not extracted.");
                total += entry.Length;
                if (total > MaxTotalBytes)
                    throw new ImportException($"{displayName} would unpack to more than {MaxTotalBytes / (1024 * 1024)} MiB; it was not extracted.");
                if (entry.Length > 1024 * 1024 && entry.CompressedLength > 0 && (double)entry.Length / entry.CompressedLength > MaxRatio)
                    throw new ImportException($"{displayName}: the entry '{Shorten(entry.FullName)}' is compressed {entry.Length / Math.Max(1, entry.CompressedLength)}:1, which no map data is; the file looks like a zip bomb and was not extracted.");
            }
        }
    }

    private static string Shorten(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
