using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DesaGis.Data.Demo;
using DesaGis.Data.Import;
using DesaGis.Data.Import.Geometries;
using DesaGis.Data.Import.Sources;
using NetTopologySuite.Geometries;
using NetTopologySuite.Precision;

namespace DesaGis.Data.Geodata;

/// <summary>
/// Derives the compact real dataset of <c>geodata/real</c> (and the examples of <c>geodata/contoh</c>) from the shared
/// Indonesian geodata: the four regencies' provinces, kabupaten, kecamatan and villages with their boundaries, the
/// BPS ↔ Kemendagri codes, kabupaten population, area and P0, village IDM scores and transmigration villages. Polygons
/// are made valid and snapped to a 0.00001° grid (about 1 m), which keeps shared village edges shared and the files
/// small; every other value is copied as it is. The output is byte-identical for the same input.
/// </summary>
public static class GeodataDeriver
{
    /// <summary>Coordinates are snapped to 1/GridScale degrees.</summary>
    public const double GridScale = 100_000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private const string Boundaries = "cahyadsn_wilayah_boundaries";
    private const string Wilayah = "cahyadsn_wilayah";
    private const string Bridge = "zakiego_relasi_bps_kemendagri";
    private const string PovertyDir = "abesttar_kemiskinan_kabkota";
    private const string IdmDir = "andifahruddinakas_api-idm";
    private const string TransDir = "kamilramadhan_kawasan_transmigrasi";

    private static readonly string[] DesaFiles =
    [
        "desa_5203_lombok_timur.geojson", "desa_6104_ketapang.geojson", "desa_6106_kapuas_hulu.geojson", "desa_6304_barito_kuala.geojson",
    ];

    /// <summary>Writes the dataset into <paramref name="realDirectory"/> and the examples into <paramref name="examplesDirectory"/>.</summary>
    public static async Task<GeodataDeriveSummary> DeriveAsync(string sharedDirectory, string realDirectory, string examplesDirectory,
        CancellationToken cancellationToken = default)
    {
        var inputs = new List<string>
        {
            $"{Boundaries}/provinsi_52_61_63.geojson", $"{Boundaries}/kabupaten_kota_52_61_63.geojson", $"{Boundaries}/kecamatan_52_61_63.geojson",
        };
        inputs.AddRange(DesaFiles.Select(f => $"{Boundaries}/{f}"));
        inputs.AddRange(
        [
            $"{Bridge}/provinsi_bps_kemendagri_2020.csv", $"{Bridge}/kabkota_bps_kemendagri_2020.csv", $"{Bridge}/kecamatan_bps_kemendagri_2020_prov_52_61_63.csv",
            $"{Wilayah}/penduduk_luas_prov_kabkota.csv", $"{PovertyDir}/kemiskinan_kabkota_52_61_63_dengan_kode.csv",
            $"{IdmDir}/idm_desa_52_61_63_2021_2024.csv", $"{TransDir}/desa_transmigrasi_sibarduktrans_big2023.geojson",
        ]);
        var missing = inputs.Where(i => !File.Exists(Path.Combine(sharedDirectory, i))).ToList();
        if (missing.Count > 0)
            throw new ImportException($"{sharedDirectory} is not the shared geodata folder: missing {string.Join(", ", missing)}.");

        Directory.CreateDirectory(realDirectory);
        Directory.CreateDirectory(examplesDirectory);
        string In(string relative) => Path.Combine(sharedDirectory, relative);
        string Out(string file) => Path.Combine(realDirectory, file);

        var counts = new Dictionary<string, int>();
        var provinces = Regency.Provinces.ToHashSet(StringComparer.Ordinal);
        counts[BundledGeodata.Provinsi] = await WriteBoundariesAsync(In(inputs[0]), Out(BundledGeodata.Provinsi), k => provinces.Contains(k), false, cancellationToken);
        counts[BundledGeodata.Kabupaten] = await WriteBoundariesAsync(In(inputs[1]), Out(BundledGeodata.Kabupaten), k => Regency.Bundled.Any(r => r.Kode == k), true, cancellationToken);
        counts[BundledGeodata.Kecamatan] = await WriteBoundariesAsync(In(inputs[2]), Out(BundledGeodata.Kecamatan), Regency.Contains, false, cancellationToken);
        var villages = new List<(string Kode, string Nama)>();
        counts[BundledGeodata.Desa] = await WriteBoundariesAsync(DesaFiles.Select(f => In($"{Boundaries}/{f}")).ToArray(), Out(BundledGeodata.Desa),
            Regency.Contains, true, cancellationToken, villages);

        // The crosswalk rows of the four regencies, their provinces and their kecamatan (BPS codes on the left).
        var sb = new StringBuilder();
        int crosswalk = 0;
        crosswalk += CopyCsv(In($"{Bridge}/provinsi_bps_kemendagri_2020.csv"), sb, "kode_dagri", provinces.Contains, header: true);
        crosswalk += CopyCsv(In($"{Bridge}/kabkota_bps_kemendagri_2020.csv"), sb, "kode_dagri",
            k => Regency.Bundled.Any(r => r.Kode.Replace(".", "") == k), header: false);
        crosswalk += CopyCsv(In($"{Bridge}/kecamatan_bps_kemendagri_2020_prov_52_61_63.csv"), sb, "kode_dagri",
            k => Regency.Bundled.Any(r => k.StartsWith(r.Kode.Replace(".", ""), StringComparison.Ordinal)), header: false);
        await File.WriteAllTextAsync(Out(BundledGeodata.Crosswalk), sb.ToString(), Utf8, cancellationToken);
        counts[BundledGeodata.Crosswalk] = crosswalk;

        counts[BundledGeodata.PopulationArea] = await CopyCsvFileAsync(In($"{Wilayah}/penduduk_luas_prov_kabkota.csv"), Out(BundledGeodata.PopulationArea),
            "kode", k => Regency.Bundled.Any(r => r.Kode == k), cancellationToken);
        counts[BundledGeodata.Poverty] = await CopyCsvFileAsync(In($"{PovertyDir}/kemiskinan_kabkota_52_61_63_dengan_kode.csv"), Out(BundledGeodata.Poverty),
            "kode_kemendagri", k => Regency.Bundled.Any(r => r.Kode == k), cancellationToken);
        counts[BundledGeodata.Idm] = await CopyCsvFileAsync(In($"{IdmDir}/idm_desa_52_61_63_2021_2024.csv"), Out(BundledGeodata.Idm),
            "kode_desa", Regency.Contains, cancellationToken);
        counts[BundledGeodata.Transmigration] = await WriteTransmigrationAsync(In($"{TransDir}/desa_transmigrasi_sibarduktrans_big2023.geojson"),
            Out(BundledGeodata.Transmigration), cancellationToken);

        var sources = inputs.Select(i => (File: i, Sha256: Sha256(In(i)))).ToList();
        await File.WriteAllTextAsync(Out("LICENSE-cahyadsn.txt"), GeodataNotes.MitLicence, Utf8, cancellationToken);
        await File.WriteAllTextAsync(Out("SOURCE.md"), GeodataNotes.Source(sources, counts, FileSizes(realDirectory)), Utf8, cancellationToken);

        var examples = ExamplePrograms.Write(examplesDirectory, villages);
        await File.WriteAllTextAsync(Path.Combine(examplesDirectory, "README.md"), GeodataNotes.ExamplesReadme(examples), Utf8, cancellationToken);
        return new GeodataDeriveSummary(counts, examples.Programs, examples.Links, FileSizes(realDirectory).Values.Sum());
    }

    private static SortedDictionary<string, long> FileSizes(string directory) =>
        new(BundledGeodata.RealFiles.ToDictionary(f => f, f => File.Exists(Path.Combine(directory, f)) ? new FileInfo(Path.Combine(directory, f)).Length : 0L),
            StringComparer.Ordinal);

    private static Task<int> WriteBoundariesAsync(string input, string output, Func<string, bool> keep, bool withJenis, CancellationToken cancellationToken) =>
        WriteBoundariesAsync([input], output, keep, withJenis, cancellationToken);

    private static async Task<int> WriteBoundariesAsync(string[] inputs, string output, Func<string, bool> keep, bool withJenis,
        CancellationToken cancellationToken, List<(string Kode, string Nama)>? names = null)
    {
        var features = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var preparer = new GeometryPreparer(null);
        foreach (var input in inputs)
        {
            using var source = new GeoJsonRecordSource(input);
            foreach (var record in source.Read(cancellationToken))
            {
                var kode = record.Attributes.GetValueOrDefault("kode") as string;
                if (kode is null || !keep(kode)) continue;
                var nama = ((record.Attributes.GetValueOrDefault("nama") as string) ?? "").Trim();
                var props = new List<(string, object?)> { ("kode", kode), ("nama", nama) };
                if (withJenis) props.Add(("jenis", record.Attributes.GetValueOrDefault("tingkat") as string));
                var geometry = Snap(preparer, record, input);
                var sb = new StringBuilder();
                GeoJsonText.AppendFeature(sb, kode, props, geometry);
                features[kode] = sb.ToString();
                names?.Add((kode, nama));
            }
        }
        names?.Sort((a, b) => string.CompareOrdinal(a.Kode, b.Kode));
        await WriteCollectionAsync(output, features.Values, cancellationToken);
        return features.Count;
    }

    private static async Task<int> WriteTransmigrationAsync(string input, string output, CancellationToken cancellationToken)
    {
        var features = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var preparer = new GeometryPreparer(null);
        using var source = new GeoJsonRecordSource(input);
        foreach (var record in source.Read(cancellationToken))
        {
            var kode = record.Attributes.GetValueOrDefault("kode_desa") as string;
            if (kode is null || !Regency.Contains(kode)) continue;
            var props = new List<(string, object?)>();
            foreach (var name in new[] { "kode_desa", "nama_desa", "kecamatan", "kabupaten", "provinsi", "luas_km2" })
                props.Add((name, record.Attributes.GetValueOrDefault(name) switch { long l => (double)l, var v => v }));
            var sb = new StringBuilder();
            GeoJsonText.AppendFeature(sb, kode, props, Snap(preparer, record, input));
            features[kode] = sb.ToString();
        }
        await WriteCollectionAsync(output, features.Values, cancellationToken);
        return features.Count;
    }

    /// <summary>Made valid, then snapped to the grid (the precision reducer keeps the result valid).</summary>
    private static MultiPolygon Snap(GeometryPreparer preparer, SourceRecord record, string input)
    {
        var prepared = preparer.Prepare(record.Geometry);
        if (prepared.Geometry is null)
            throw new ImportException($"{Path.GetFileName(input)} {record.Location}: {prepared.RejectReason ?? record.GeometryError}.");
        var reduced = GeometryPrecisionReducer.Reduce(prepared.Geometry, new PrecisionModel(GridScale));
        return reduced switch
        {
            MultiPolygon m => m,
            Polygon p => Wgs84.CreateMultiPolygon([p]),
            _ => Wgs84.CreateMultiPolygon(Enumerable.Range(0, reduced.NumGeometries).Select(reduced.GetGeometryN).OfType<Polygon>().ToArray()),
        };
    }

    private static async Task WriteCollectionAsync(string output, IEnumerable<string> features, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, false, Utf8);
        await writer.WriteAsync("{\"type\":\"FeatureCollection\",\"features\":[\n");
        bool first = true;
        foreach (var f in features)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!first) await writer.WriteAsync(",\n");
            first = false;
            await writer.WriteAsync(f);
        }
        await writer.WriteAsync("\n]}\n");
    }

    private static async Task<int> CopyCsvFileAsync(string input, string output, string keyColumn, Func<string, bool> keep, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder();
        int rows = CopyCsv(input, sb, keyColumn, keep, header: true);
        await File.WriteAllTextAsync(output, sb.ToString(), Utf8, cancellationToken);
        return rows;
    }

    /// <summary>Copies the rows whose key column passes <paramref name="keep"/>, all columns as they are.</summary>
    private static int CopyCsv(string input, StringBuilder output, string keyColumn, Func<string, bool> keep, bool header)
    {
        using var text = new StreamReader(input);
        var csv = new CsvRecordReader(text);
        var head = csv.Read() ?? throw new ImportException($"{Path.GetFileName(input)} is empty.");
        int key = head.IndexOf(keyColumn);
        if (key < 0) throw new ImportException($"{Path.GetFileName(input)} has no column '{keyColumn}'.");
        if (header) AppendRow(output, head);
        int rows = 0;
        while (csv.Read() is { } record)
        {
            if (record.Count <= key || !keep(record[key].Trim())) continue;
            AppendRow(output, record);
            rows++;
        }
        return rows;
    }

    internal static void AppendRow(StringBuilder sb, IEnumerable<string?> values)
    {
        sb.AppendJoin(',', values.Select(v => v is null ? "" : v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v));
        sb.Append('\n');
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    internal static string Invariant(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
