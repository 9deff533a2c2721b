using System.Net;
using System.Text;
using System.Text.Json;

namespace DesaGis.Integration.Tests.Registry;

/// <summary>
/// Gap and overlap analysis on the real IDM of kecamatan Aikmel (Lombok Timur): Aikmel 0.944, Kalijaga 0.847 and
/// Kembang Kerang 0.882 in 2024; its other villages have no figure.
/// </summary>
public class ProgramGapTests(RegistryFixture f) : IClassFixture<RegistryFixture>
{
    private const string Kalijaga = "52.03.09.2003", KembangKerang = "52.03.09.2004", Aikmel = "52.03.09.2002";

    private async Task PublishAsync(string kode, string sector, string start, params string[] villages)
    {
        using var created = await f.PartnerAClient.PostAsync("/collections/programs/items", RegistryFixture.Feature(new
        {
            kode, nama = "Program " + kode, sector, start_date = start, end_date = "2028-12-31", desa_kodes = villages,
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Reviewer.PostAsync($"/registry/programs/{kode}/publish", null)).StatusCode);
    }

    private async Task<JsonElement> GapsAsync(int year, string extra = "")
    {
        using var r = await f.Anonymous.GetAsync($"/analysis/program-gaps?area=52.03.09&year={year}&indicator=idm_score&need=0.86{extra}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Village(JsonElement report, string kode) =>
        report.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("desa_kode").GetString() == kode);

    [Fact]
    public async Task High_need_villages_without_an_active_programme_are_gaps_and_same_sector_programmes_overlap()
    {
        var before = await GapsAsync(2026);
        Assert.Equal(1, before.GetProperty("gaps").GetInt32());
        Assert.True(Village(before, Kalijaga).GetProperty("gap").GetBoolean());
        Assert.False(Village(before, Aikmel).GetProperty("high_need").GetBoolean());
        // A village without a figure is neither high nor low need, and never a gap.
        var unmeasured = before.GetProperty("villages").EnumerateArray().First(v => v.GetProperty("need_value").ValueKind == JsonValueKind.Null);
        Assert.Equal(JsonValueKind.Null, unmeasured.GetProperty("high_need").ValueKind);
        Assert.False(unmeasured.GetProperty("gap").GetBoolean());
        Assert.Equal(3, before.GetProperty("villages_measured").GetInt32());

        // Two water programmes in Kembang Kerang overlap; a programme for Kalijaga that starts in 2027 closes the gap from 2027 only.
        await PublishAsync("GAP-AIR-1", "air bersih", "2025-01-01", KembangKerang);
        await PublishAsync("GAP-AIR-2", "air bersih", "2026-03-01", KembangKerang, Aikmel);
        await PublishAsync("GAP-GIZI", "gizi", "2027-01-01", Kalijaga);

        var in2026 = await GapsAsync(2026);
        Assert.True(Village(in2026, Kalijaga).GetProperty("gap").GetBoolean());
        Assert.Equal(["air bersih"], Village(in2026, KembangKerang).GetProperty("overlap_sectors").EnumerateArray().Select(x => x.GetString()!).ToList());
        Assert.Equal(1, in2026.GetProperty("overlaps").GetInt32());
        var partner = in2026.GetProperty("by_partner").EnumerateArray().Single();
        Assert.Equal("Yayasan Air Bersih Nusantara (contoh)", partner.GetProperty("key").GetString());
        Assert.Equal(2, partner.GetProperty("covered").GetInt32());
        var kecamatan = in2026.GetProperty("by_kecamatan").EnumerateArray().Single();
        Assert.Equal("52.03.09", kecamatan.GetProperty("key").GetString());
        Assert.Equal(1, kecamatan.GetProperty("gaps").GetInt32());

        var in2027 = await GapsAsync(2027);
        Assert.Equal(0, in2027.GetProperty("gaps").GetInt32());
        Assert.Equal(["GAP-GIZI"], Village(in2027, Kalijaga).GetProperty("programs").EnumerateArray().Select(x => x.GetString()!).ToList());

        // Without a threshold, high need is the worst quarter of the measured villages: Kalijaga again.
        using var quarter = await f.Anonymous.GetAsync("/analysis/program-gaps?area=52.03.09&year=2026");
        var q = JsonDocument.Parse(await quarter.Content.ReadAsStringAsync()).RootElement;
        Assert.True(Village(q, Kalijaga).GetProperty("high_need").GetBoolean());
        Assert.False(Village(q, KembangKerang).GetProperty("high_need").GetBoolean());
    }

    [Fact]
    public async Task The_CSV_opens_in_a_spreadsheet_and_bad_parameters_are_named()
    {
        using var csv = await f.Anonymous.GetAsync("/analysis/program-gaps?area=52.03.09&year=2026&indicator=idm_score&need=0.86&f=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("desa_kode,desa_nama,kecamatan_kode,kecamatan_nama,idm_score,tahun_nilai,kebutuhan_tinggi", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(Kalijaga + ",Kalijaga,52.03.09,Aikmel,0.8475,2024,ya,", StringComparison.Ordinal));

        async Task<JsonElement> BadAsync(string query)
        {
            using var r = await f.Anonymous.GetAsync("/analysis/program-gaps?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        Assert.Equal("indicator", (await BadAsync("area=52.03&indicator=tidak_ada")).GetProperty("field").GetString());
        Assert.Equal("indicator", (await BadAsync("area=52.03&indicator=population")).GetProperty("field").GetString());
        Assert.Equal("area", (await BadAsync("area=Lombok")).GetProperty("field").GetString());
    }
}
