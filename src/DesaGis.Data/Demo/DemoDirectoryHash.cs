using System.Security.Cryptography;
using System.Text;

namespace DesaGis.Data.Demo;

/// <summary>The SHA-256 of a directory's files (names, sizes and bytes, in ordinal name order): equal hash, equal data.</summary>
public static class DemoDirectoryHash
{
    public static string Compute(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var path in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(path);
            hash.AppendData(Encoding.UTF8.GetBytes($"{info.Name}\0{info.Length}\0"));
            using var stream = File.OpenRead(path);
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
