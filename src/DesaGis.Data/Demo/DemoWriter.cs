using System.Globalization;
using System.Text;

namespace DesaGis.Data.Demo;

/// <summary>
/// Writes a generated dataset as GeoJSON (EPSG:4326) and CSV files whose columns are those of the tables they fill,
/// plus a README that labels the data as synthetic. Regions are written as they are generated.
/// </summary>
public static class DemoWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<DemoSummary> WriteAsync(DemoDataset dataset, string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var geo = new Dictionary<string, FeatureFile>();
        foreach (var name in new[] { DemoFiles.Provinsi, DemoFiles.Kabupaten, DemoFiles.Kecamatan, DemoFiles.Desa, DemoFiles.TransmigrationArea })
            geo[name] = new FeatureFile(Open(directory, name));
        var csv = new Dictionary<string, StreamWriter>
        {
            [DemoFiles.VillageIndicator] = Open(directory, DemoFiles.VillageIndicator),
            [DemoFiles.KabupatenIndicator] = Open(directory, DemoFiles.KabupatenIndicator),
            [DemoFiles.Partner] = Open(directory, DemoFiles.Partner),
            [DemoFiles.Program] = Open(directory, DemoFiles.Program),
            [DemoFiles.ProgramVillage] = Open(directory, DemoFiles.ProgramVillage),
            [DemoFiles.ExtremePoorHousehold] = Open(directory, DemoFiles.ExtremePoorHousehold),
        };
        int provinsi = 0, kabupaten = 0, kecamatan = 0, villages = 0, kelurahan = 0, indicators = 0, areas = 0, programs = 0, programVillages = 0, households = 0;
        try
        {
            await csv[DemoFiles.VillageIndicator].WriteAsync("desa_kode,year,population,poverty_rate,extreme_poor_people,extreme_poor_households,idm_score,idm_status,source\n");
            await csv[DemoFiles.KabupatenIndicator].WriteAsync("kabupaten_kode,year,population,poverty_rate,extreme_poor_people,extreme_poor_households,area_km2,source\n");
            await csv[DemoFiles.Partner].WriteAsync("kode,nama,kind\n");
            await csv[DemoFiles.Program].WriteAsync("kode,nama,partner_kode,sector,start_date,end_date,status\n");
            await csv[DemoFiles.ProgramVillage].WriteAsync("program_kode,desa_kode\n");
            // The file names people, even if invented ones: say so before anything else, where a reader looks first.
            await csv[DemoFiles.ExtremePoorHousehold].WriteAsync(HouseholdNotice(dataset) + "kode,desa_kode,head_of_household,members,welfare_decile,year,lon,lat\n");
            foreach (var p in dataset.Partners)
                await csv[DemoFiles.Partner].WriteAsync(Row(p.Kode, p.Nama, p.Kind));

            string source = Csv(dataset.Source);
            foreach (var region in dataset.Regions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pr = region.Province;
                await geo[DemoFiles.Provinsi].WriteAsync(pr.Kode, [("kode", pr.Kode), ("nama", pr.Nama), ("area_km2", pr.AreaKm2)], pr.Geometry);
                foreach (var k in region.Kabupaten)
                    await geo[DemoFiles.Kabupaten].WriteAsync(k.Kode, [("kode", k.Kode), ("nama", k.Nama), ("jenis", k.Jenis), ("area_km2", k.AreaKm2)], k.Geometry);
                foreach (var k in region.Kecamatan)
                    await geo[DemoFiles.Kecamatan].WriteAsync(k.Kode, [("kode", k.Kode), ("nama", k.Nama), ("area_km2", k.AreaKm2)], k.Geometry);
                foreach (var v in region.Villages)
                    await geo[DemoFiles.Desa].WriteAsync(v.Kode, [("kode", v.Kode), ("nama", v.Nama), ("jenis", v.Jenis), ("area_km2", v.AreaKm2)], v.Geometry);
                foreach (var t in region.TransmigrationAreas)
                {
                    // The contained villages as one ';'-separated property, the form 'desagis import' reads as a code list.
                    await geo[DemoFiles.TransmigrationArea].WriteAsync(t.Kode,
                        [("kode", t.Kode), ("nama", t.Nama), ("kind", t.Kind), ("status", t.Status), ("year", t.Year), ("desa_kodes", string.Join(';', t.VillageKodes))],
                        t.Geometry);
                }
                var sb = new StringBuilder();
                foreach (var i in region.VillageIndicators)
                {
                    sb.Append(i.DesaKode).Append(',').Append(I(i.Year)).Append(',').Append(I(i.Population)).Append(',')
                      .Append(D(i.PovertyRate)).Append(',').Append(I(i.ExtremePoorPeople)).Append(',').Append(I(i.ExtremePoorHouseholds)).Append(',')
                      .Append(D(i.IdmScore)).Append(',').Append(i.IdmStatus).Append(',').Append(source).Append('\n');
                }
                await csv[DemoFiles.VillageIndicator].WriteAsync(sb.ToString());
                sb.Clear();
                foreach (var k in region.KabupatenIndicators)
                {
                    sb.Append(k.KabupatenKode).Append(',').Append(I(k.Year)).Append(',').Append(k.Population.ToString(CultureInfo.InvariantCulture)).Append(',')
                      .Append(D(k.PovertyRate)).Append(',').Append(I(k.ExtremePoorPeople)).Append(',').Append(I(k.ExtremePoorHouseholds)).Append(',')
                      .Append(D(k.AreaKm2)).Append(',').Append(source).Append('\n');
                }
                await csv[DemoFiles.KabupatenIndicator].WriteAsync(sb.ToString());
                foreach (var p in region.Programs)
                {
                    await csv[DemoFiles.Program].WriteAsync(Row(p.Kode, p.Nama, p.PartnerKode, p.Sector,
                        p.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Status));
                    foreach (var d in p.VillageKodes) await csv[DemoFiles.ProgramVillage].WriteAsync(Row(p.Kode, d));
                    programVillages += p.VillageKodes.Count;
                }
                sb.Clear();
                foreach (var h in region.Households)
                {
                    sb.Append(h.Kode).Append(',').Append(h.DesaKode).Append(',').Append(Csv(h.HeadOfHousehold)).Append(',')
                      .Append(I(h.Members)).Append(',').Append(I(h.WelfareDecile)).Append(',').Append(I(h.Year)).Append(',')
                      .Append(D(h.Lon)).Append(',').Append(D(h.Lat)).Append('\n');
                }
                await csv[DemoFiles.ExtremePoorHousehold].WriteAsync(sb.ToString());
                households += region.Households.Count;
                provinsi++;
                kabupaten += region.Kabupaten.Count;
                kecamatan += region.Kecamatan.Count;
                villages += region.Villages.Count;
                kelurahan += region.Villages.Count(v => v.Jenis == "kelurahan");
                indicators += region.VillageIndicators.Count;
                areas += region.TransmigrationAreas.Count;
                programs += region.Programs.Count;
            }
        }
        finally
        {
            foreach (var f in geo.Values) await f.DisposeAsync();
            foreach (var w in csv.Values) await w.DisposeAsync();
        }
        var summary = new DemoSummary(provinsi, kabupaten, kecamatan, villages, kelurahan, indicators, areas, dataset.Partners.Count, programs, programVillages, households);
        await File.WriteAllTextAsync(Path.Combine(directory, DemoFiles.Readme), Readme(dataset, summary), Utf8, cancellationToken);
        return summary;
    }

    /// <summary>The comment lines that open the household file ('#' lines before the header; the loader skips them).</summary>
    private static string HouseholdNotice(DemoDataset dataset) =>
        $"# DATA SINTETIS - data pribadi rekaan / SYNTHETIC PERSONAL DATA (desagis demo generate --seed {dataset.Options.Seed} --villages {dataset.Options.Villages}).\n" +
        "# Every household and name here is invented; none is a real person. Treat it as personal data all the same:\n" +
        "# the layer extreme_poor_households is served to the planner role only. At most " +
        $"{DemoHouseholds.CapFor(dataset.Options.Villages)} households per village (see docs/demo-data.md).\n";

    private static StreamWriter Open(string directory, string name) =>
        new(Path.Combine(directory, name), append: false, Utf8, bufferSize: 1 << 16) { NewLine = "\n" };

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Row(params string[] fields) => string.Join(',', fields.Select(Csv)) + "\n";

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Readme(DemoDataset dataset, DemoSummary s) => $"""
        # Data sintetis — synthetic demo data

        Every place, name, figure and organisation in this folder is **invented** by `desagis demo generate --seed {dataset.Options.Seed} --villages {dataset.Options.Villages}`.
        None of it describes a real village. Do not edit these files by hand: change the generator and run the command again.

        Province codes are ones no real province uses (the first is 99, "Provinsi Contoh (sintetis)"), so this data can
        share a database with imported real data. Coordinates are EPSG:4326, rounded to 1e-5°.

        | what | count | file |
        |---|---|---|
        | provinsi | {s.Provinsi} | {DemoFiles.Provinsi} |
        | kabupaten | {s.Kabupaten} | {DemoFiles.Kabupaten} |
        | kecamatan | {s.Kecamatan} | {DemoFiles.Kecamatan} |
        | desa/kelurahan | {s.Villages} (of which {s.Kelurahan} kelurahan) | {DemoFiles.Desa} |
        | village indicators ({string.Join(", ", DemoCatalogue.Years)}) | {s.VillageIndicators} | {DemoFiles.VillageIndicator} |
        | kabupaten indicators | {s.Kabupaten * DemoCatalogue.Years.Length} | {DemoFiles.KabupatenIndicator} |
        | transmigration areas (villages in property desa_kodes) | {s.TransmigrationAreas} | {DemoFiles.TransmigrationArea} |
        | partners | {s.Partners} | {DemoFiles.Partner} |
        | programmes (village links) | {s.Programs} ({s.ProgramVillages}) | {DemoFiles.Program}, {DemoFiles.ProgramVillage} |
        | extreme-poor households, **synthetic personal data** (at most {DemoHouseholds.CapFor(dataset.Options.Villages)} per village) | {s.Households} | {DemoFiles.ExtremePoorHousehold} |

        {DemoFiles.ExtremePoorHousehold} names invented heads of household ("Bapak/Ibu … (sintetis)"). They are not real
        people, but the file has the shape of personal data and is treated as such: its layer, extreme_poor_households,
        is served to the planner role only.

        Load it with `desagis demo load --dir <this folder>`; see docs/demo-data.md.

        """;

    /// <summary>A FeatureCollection written one feature per line.</summary>
    private sealed class FeatureFile(StreamWriter writer) : IAsyncDisposable
    {
        private bool _any;
        private readonly StringBuilder _sb = new();

        public async Task WriteAsync(string id, (string, object?)[] properties, NetTopologySuite.Geometries.MultiPolygon geometry)
        {
            _sb.Clear();
            _sb.Append(_any ? ",\n" : "{\"type\":\"FeatureCollection\",\"features\":[\n");
            _any = true;
            GeoJsonText.AppendFeature(_sb, id, properties, geometry);
            await writer.WriteAsync(_sb);
        }

        public async ValueTask DisposeAsync()
        {
            await writer.WriteAsync(_any ? "\n]}\n" : "{\"type\":\"FeatureCollection\",\"features\":[]}\n");
            await writer.DisposeAsync();
        }
    }
}
