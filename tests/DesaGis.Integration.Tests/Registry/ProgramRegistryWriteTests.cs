using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DesaGis.Core.Tiles;
using DesaGis.Integration.Tests.Tiles;

namespace DesaGis.Integration.Tests.Registry;

/// <summary>
/// Every write path of the programme registry (OGC API – Features Part 4 on programs) against real PostGIS and the
/// real villages of Lombok Timur and Barito Kuala: who may write, stale versions, bad codes, all-or-nothing, review,
/// what the public map shows, and the history.
/// </summary>
public class ProgramRegistryWriteTests(RegistryFixture f) : IClassFixture<RegistryFixture>
{
    private const string Items = "/collections/programs/items";

    private static string NewKode(string stem) => $"{stem}-{Guid.NewGuid():N}"[..Math.Min(40, stem.Length + 13)];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private static StringContent MergePatch(string json) => new(json, Encoding.UTF8, "application/merge-patch+json");

    private async Task<HttpResponseMessage> CreateAsync(HttpClient client, string kode, string[] villages, string nama = "Sanitasi Desa Sakra", object? geometry = null)
    {
        var response = await client.PostAsync(Items, RegistryFixture.Feature(new
        {
            kode, nama, sector = "sanitasi", start_date = "2026-01-01", end_date = "2027-12-31", status = "active", budget = 1250000000,
            desa_kodes = villages,
        }, geometry));
        return response;
    }

    private async Task<long> ScalarAsync(string sql, params object[] args) => await f.Database.ScalarAsync<long>(sql, args);

    /// <summary>The features of a tile layer in the z/x/y tile over a village's point (none for an empty tile).</summary>
    private async Task<IReadOnlyList<NetTopologySuite.Features.IFeature>> TileFeaturesAsync(string layer, string desaKode, int z = 12)
    {
        var lon = await f.Database.ScalarAsync<double>("SELECT ST_X(centroid) FROM desagis.desa WHERE kode = $1", desaKode);
        var lat = await f.Database.ScalarAsync<double>("SELECT ST_Y(centroid) FROM desagis.desa WHERE kode = $1", desaKode);
        var t = WebMercator.TileAt(lon, lat, z);
        using var response = await f.Anonymous.GetAsync($"/tiles/{layer}/{t.Z}/{t.X}/{t.Y}.mvt");
        if (response.StatusCode == HttpStatusCode.NoContent) return [];
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tile = TileDecoding.Decode(await response.Content.ReadAsByteArrayAsync(), t);
        return tile.Layers.Where(l => l.Name == layer).SelectMany(l => l.Features).ToList();
    }

    private async Task<List<string>> PublicProgramIdsAsync()
    {
        using var response = await f.Anonymous.GetAsync(Items + "?limit=1000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RegistryFixture.JsonAsync(response);
        return page.GetProperty("features").EnumerateArray().Select(x => x.GetProperty("id").GetString()!).ToList();
    }

    private static string ETagOf(HttpResponseMessage r) => r.Headers.ETag!.ToString();

    [Fact]
    public async Task A_partners_programme_is_a_draft_until_a_reviewer_publishes_it_then_the_next_tile_and_items_show_it()
    {
        var kode = NewKode("SAN-SAKRA");
        string[] villages = ["52.03.02.2002", "52.03.02.2003"]; // Sakra, Kabar
        int countBefore = (int)await ScalarAsync("SELECT program_count FROM desagis.village_summary WHERE kode = '52.03.02.2002'");
        // Warm the tile cache, so the published change must evict it.
        Assert.DoesNotContain(await TileFeaturesAsync("programs", "52.03.02.2002"), x => (string)x.Attributes["kode"] == kode);

        using var created = await CreateAsync(f.PartnerAClient, kode, villages);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith(Items + "/" + kode, created.Headers.Location!.ToString());
        Assert.Equal("\"r1\"", ETagOf(created));
        var draft = await RegistryFixture.JsonAsync(created);
        Assert.Equal("draft", draft.GetProperty("properties").GetProperty("state").GetString());
        Assert.Equal(RegistryFixture.PartnerA, draft.GetProperty("properties").GetProperty("partner_kode").GetString());
        Assert.Equal("MultiPolygon", draft.GetProperty("geometry").GetProperty("type").GetString());

        // A draft: its partner and reviewers see it, the public map does not.
        Assert.Equal(HttpStatusCode.OK, (await f.PartnerAClient.GetAsync(Items + "/" + kode)).StatusCode);
        using (var queue = await f.Reviewer.GetAsync("/registry/programs?state=draft"))
            Assert.Contains((await RegistryFixture.JsonAsync(queue)).GetProperty("features").EnumerateArray(), x => x.GetProperty("id").GetString() == kode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Anonymous.GetAsync(Items + "/" + kode)).StatusCode);
        Assert.DoesNotContain(kode, await PublicProgramIdsAsync());
        Assert.DoesNotContain(await TileFeaturesAsync("programs", "52.03.02.2002"), x => (string)x.Attributes["kode"] == kode);

        // A partner cannot publish its own draft.
        Assert.Equal(HttpStatusCode.Forbidden, (await f.PartnerAClient.PostAsync($"/registry/programs/{kode}/publish", null)).StatusCode);

        using var published = await SendAsync(f.Reviewer, HttpMethod.Post, $"/registry/programs/{kode}/publish", ifMatch: "\"r1\"");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("published", (await RegistryFixture.JsonAsync(published)).GetProperty("properties").GetProperty("state").GetString());

        // The very next requests show it: items, the feature with its ETag, the tiles of both programme layers, the villages.
        Assert.Contains(kode, await PublicProgramIdsAsync());
        using (var one = await f.Anonymous.GetAsync(Items + "/" + kode))
        {
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.Equal("\"r1\"", ETagOf(one));
            var props = (await RegistryFixture.JsonAsync(one)).GetProperty("properties");
            Assert.Equal("Sanitasi Desa Sakra", props.GetProperty("nama").GetString());
            Assert.Equal(1250000000m, props.GetProperty("budget").GetDecimal());
        }
        var tileFeature = Assert.Single(await TileFeaturesAsync("programs", "52.03.02.2002"), x => (string)x.Attributes["kode"] == kode);
        Assert.Equal("sanitasi", tileFeature.Attributes["sector"]);
        var coverage = await TileFeaturesAsync("program_coverage", "52.03.02.2002");
        Assert.Contains(coverage, x => (string)x.Attributes["program_kode"] == kode && (string)x.Attributes["desa_kode"] == "52.03.02.2002");
        Assert.Equal(countBefore + 1, await ScalarAsync("SELECT program_count FROM desagis.village_summary WHERE kode = '52.03.02.2002'"));
        using (var village = await f.Anonymous.GetAsync("/collections/village_indicators/items/52.03.02.2003"))
            Assert.Contains("Yayasan Air Bersih Nusantara", (await RegistryFixture.JsonAsync(village)).GetProperty("properties").GetProperty("partner_names").GetString());

        // A published change (dropping Kabar, renaming) is likewise in the next tile and items response.
        using var patched = await SendAsync(f.PartnerAClient, HttpMethod.Patch, Items + "/" + kode,
            MergePatch("""{"properties": {"nama": "Sanitasi Sakra", "desa_kodes": ["52.03.02.2002"]}}"""), "\"r1\"");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("\"r2\"", ETagOf(patched));
        // Until it is published the public still sees version 1.
        using (var still = await f.Anonymous.GetAsync(Items + "/" + kode))
            Assert.Equal("Sanitasi Desa Sakra", (await RegistryFixture.JsonAsync(still)).GetProperty("properties").GetProperty("nama").GetString());
        Assert.Equal(HttpStatusCode.OK, (await f.Reviewer.PostAsync($"/registry/programs/{kode}/publish", null)).StatusCode);
        Assert.Equal("Sanitasi Sakra", (string)Assert.Single(await TileFeaturesAsync("programs", "52.03.02.2002"), x => (string)x.Attributes["kode"] == kode).Attributes["nama"]);
        Assert.DoesNotContain(await TileFeaturesAsync("program_coverage", "52.03.02.2003"),
            x => (string)x.Attributes["program_kode"] == kode && (string)x.Attributes["desa_kode"] == "52.03.02.2003");
        using (var items = await f.Anonymous.GetAsync(Items + $"?filter=kode%3D'{kode}'"))
            Assert.Equal("Sanitasi Sakra", (await RegistryFixture.JsonAsync(items)).GetProperty("features")[0].GetProperty("properties").GetProperty("nama").GetString());
    }

    [Fact]
    public async Task A_partner_can_read_but_never_change_another_partners_programme_and_the_refusal_changes_nothing()
    {
        var kode = NewKode("AIR-RUMBUK");
        using (var created = await CreateAsync(f.PartnerAClient, kode, ["52.03.02.2004"]))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Reviewer.PostAsync($"/registry/programs/{kode}/publish", null)).StatusCode);
        long audit = await ScalarAsync("SELECT count(*) FROM desagis.audit_log");

        // Partner B reads it like anyone …
        Assert.Equal(HttpStatusCode.OK, (await f.PartnerBClient.GetAsync(Items + "/" + kode)).StatusCode);
        // … and every write is refused with 403, in Bahasa Indonesia by default and in English on request.
        using var put = await SendAsync(f.PartnerBClient, HttpMethod.Put, Items + "/" + kode, RegistryFixture.Feature(new
        {
            nama = "Diambil alih", sector = "air bersih", desa_kodes = new[] { "52.03.02.2004" },
        }));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType!.MediaType);
        Assert.Contains("milik mitra CONTOH-MTR-2", (await RegistryFixture.JsonAsync(put)).GetProperty("detail").GetString());
        using var patch = await SendAsync(f.PartnerBClient, HttpMethod.Patch, Items + "/" + kode + "?lang=en", MergePatch("""{"properties": {"status": "suspended"}}"""));
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Contains("belongs to partner CONTOH-MTR-2", (await RegistryFixture.JsonAsync(patch)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(f.PartnerBClient, HttpMethod.Delete, Items + "/" + kode)).StatusCode);
        // Nor can it add a programme in another partner's name.
        using var posing = await f.PartnerBClient.PostAsync(Items, RegistryFixture.Feature(new
        {
            nama = "Atas nama mitra lain", sector = "air bersih", partner_kode = RegistryFixture.PartnerA, desa_kodes = new[] { "52.03.02.2004" },
        }));
        Assert.Equal(HttpStatusCode.Forbidden, posing.StatusCode);
        // A viewer key and no key at all cannot write either.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(f.Viewer, HttpMethod.Delete, Items + "/" + kode)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(f.Anonymous, HttpMethod.Delete, Items + "/" + kode)).StatusCode);

        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM desagis.program_revision WHERE program_kode = $1", kode));
        Assert.Equal("active", await f.Database.ScalarAsync<string>("SELECT status FROM desagis.program WHERE kode = $1", kode));
        Assert.Equal(audit, await ScalarAsync("SELECT count(*) FROM desagis.audit_log"));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM desagis.program WHERE nama = 'Atas nama mitra lain'"));
    }

    [Fact]
    public async Task A_write_with_a_stale_If_Match_gets_412_naming_the_newest_version_and_changes_nothing()
    {
        var kode = NewKode("GIZI-KESELET");
        using (var created = await CreateAsync(f.PartnerAClient, kode, ["52.03.02.2005"]))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var first = await SendAsync(f.PartnerAClient, HttpMethod.Patch, Items + "/" + kode, MergePatch("""{"properties": {"status": "planned"}}"""), "\"r1\""))
            Assert.Equal("\"r2\"", ETagOf(first));

        // A second editor still holding version 1.
        using var stale = await SendAsync(f.PartnerAClient, HttpMethod.Put, Items + "/" + kode, RegistryFixture.Feature(new
        {
            nama = "Versi lama", sector = "gizi", desa_kodes = new[] { "52.03.02.2005" },
        }), "\"r1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await RegistryFixture.JsonAsync(stale);
        Assert.Equal("urn:desagis:problem:precondition-failed", problem.GetProperty("type").GetString());
        Assert.Equal(2, problem.GetProperty("currentRevision").GetInt32());
        Assert.Contains("versi terbarunya 2", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(f.PartnerAClient, HttpMethod.Delete, Items + "/" + kode, ifMatch: "\"r1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(f.Reviewer, HttpMethod.Post, $"/registry/programs/{kode}/publish", ifMatch: "\"r1\"")).StatusCode);

        using var now = await f.PartnerAClient.GetAsync(Items + "/" + kode);
        Assert.Equal("\"r2\"", ETagOf(now));
        Assert.Equal("planned", (await RegistryFixture.JsonAsync(now)).GetProperty("properties").GetProperty("status").GetString());
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM desagis.program_revision WHERE program_kode = $1", kode));
        // With the current tag the same write goes through.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(f.PartnerAClient, HttpMethod.Delete, Items + "/" + kode, ifMatch: "\"r2\"")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_village_code_gets_400_naming_it_and_nothing_is_written()
    {
        long revisions = await ScalarAsync("SELECT count(*) FROM desagis.program_revision");
        long audit = await ScalarAsync("SELECT count(*) FROM desagis.audit_log");
        long tileVersion = await ScalarAsync("SELECT version FROM desagis.tile_version");
        var kode = NewKode("BAD");

        using var response = await CreateAsync(f.PartnerAClient, kode, ["52.03.02.2006", "52.03.02.2999", "52.03.02.2007"]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await RegistryFixture.JsonAsync(response);
        Assert.Equal("desa_kodes", problem.GetProperty("field").GetString());
        Assert.Equal(["52.03.02.2999"], problem.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToList());
        Assert.Contains("Kode desa tidak dikenal: 52.03.02.2999", problem.GetProperty("detail").GetString());

        // A code that is not a village code at all, in English.
        using var english = await f.PartnerAClient.PostAsync(Items + "?lang=en", RegistryFixture.Feature(new
        {
            nama = "X", sector = "air bersih", desa_kodes = new[] { "52.03" },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("Not a Kemendagri village code", (await RegistryFixture.JsonAsync(english)).GetProperty("detail").GetString());

        // The same refusal on a change of an imported programme leaves it as it was: no version, no baseline, no tile change.
        using var put = await SendAsync(f.PartnerAClient, HttpMethod.Patch, "/collections/programs/items/CONTOH-PRG-1",
            MergePatch("""{"properties": {"desa_kodes": ["52.03.20.2001", "52.03.20.9999"]}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("52.03.20.9999", (await RegistryFixture.JsonAsync(put)).GetProperty("detail").GetString());

        Assert.Equal(revisions, await ScalarAsync("SELECT count(*) FROM desagis.program_revision"));
        Assert.Equal(audit, await ScalarAsync("SELECT count(*) FROM desagis.audit_log"));
        Assert.Equal(tileVersion, await ScalarAsync("SELECT version FROM desagis.tile_version"));
        Assert.Equal(6, await ScalarAsync("SELECT count(*) FROM desagis.program_village pv JOIN desagis.program p ON p.id = pv.program_id WHERE p.kode = 'CONTOH-PRG-1'"));
    }

    [Fact]
    public async Task Fields_are_checked_by_name_end_before_start_geometry_outside_Indonesia_and_invalid_geometry_repaired_or_refused()
    {
        async Task<JsonElement> RefusedAsync(object properties, object? geometry, string field)
        {
            using var r = await f.PartnerAClient.PostAsync(Items, RegistryFixture.Feature(properties, geometry));
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var p = await RegistryFixture.JsonAsync(r);
            Assert.Equal(field, p.GetProperty("field").GetString());
            return p;
        }
        var ok = new[] { "52.03.02.2008" };
        var p1 = await RefusedAsync(new { nama = "A", sector = "s", start_date = "2026-05-01", end_date = "2026-01-01", desa_kodes = ok }, null, "end_date");
        Assert.Contains("sebelum tanggal mulai", p1.GetProperty("detail").GetString());
        await RefusedAsync(new { nama = "A", sector = "s", start_date = "1 Mei 2026", desa_kodes = ok }, null, "start_date");
        await RefusedAsync(new { nama = "A", sector = "s", status = "selesai", desa_kodes = ok }, null, "status");
        await RefusedAsync(new { sector = "s", desa_kodes = ok }, null, "nama");
        await RefusedAsync(new { nama = "A", sector = "s", warna = "merah", desa_kodes = ok }, null, "warna");
        await RefusedAsync(new { nama = "A", sector = "s" }, null, "desa_kodes");
        // Latitude and longitude swapped puts Lombok in the Indian Ocean west of Africa.
        var swapped = new { type = "Polygon", coordinates = new[] { new[] { new[] { -8.6, 116.5 }, new[] { -8.6, 116.6 }, new[] { -8.5, 116.6 }, new[] { -8.6, 116.5 } } } };
        var outside = await RefusedAsync(new { nama = "A", sector = "s" }, swapped, "geometry");
        Assert.Contains("di luar Indonesia", outside.GetProperty("detail").GetString());
        await RefusedAsync(new { nama = "A", sector = "s" }, new { type = "Point", coordinates = new[] { 116.5, -8.6 } }, "geometry");
        await RefusedAsync(new { nama = "A", sector = "s" }, new { type = "Polygon", coordinates = "nonsense" }, "geometry");

        // A self-intersecting bow tie over Sakra is repaired, and the response says so.
        var kode = NewKode("BOWTIE");
        var (lon, lat) = (await f.Database.ScalarAsync<double>("SELECT ST_X(centroid) FROM desagis.desa WHERE kode = '52.03.02.2002'"),
                          await f.Database.ScalarAsync<double>("SELECT ST_Y(centroid) FROM desagis.desa WHERE kode = '52.03.02.2002'"));
        var bowtie = new { type = "Polygon", coordinates = new[] { new[] {
            new[] { lon - 0.01, lat - 0.01 }, new[] { lon + 0.01, lat + 0.01 }, new[] { lon + 0.01, lat - 0.01 }, new[] { lon - 0.01, lat + 0.01 }, new[] { lon - 0.01, lat - 0.01 } } } };
        using var repaired = await f.PartnerAClient.PostAsync(Items, RegistryFixture.Feature(new { kode, nama = "Jalan Desa", sector = "infrastruktur" }, bowtie));
        Assert.Equal(HttpStatusCode.Created, repaired.StatusCode);
        var props = (await RegistryFixture.JsonAsync(repaired)).GetProperty("properties");
        Assert.StartsWith("repaired: Self-intersection", props.GetProperty("geometry_note").GetString());
        // Coverage by polygon only: the villages follow from it (Sakra's point lies inside).
        Assert.Contains("52.03.02.2002", props.GetProperty("desa_kodes").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task A_failed_publication_changes_nothing_the_draft_waits_and_the_map_is_as_before()
    {
        var kode = NewKode("FAIL");
        using (var created = await CreateAsync(f.PartnerAClient, kode, ["52.03.02.2009", "52.03.02.2010"]))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        long tileVersion = await ScalarAsync("SELECT version FROM desagis.tile_version");
        long summaries = await ScalarAsync("SELECT program_count FROM desagis.village_summary WHERE kode = '52.03.02.2009'");
        // The database refuses the second village's link half-way through the publication (after the programme row).
        await f.Database.ExecuteAsync("ALTER TABLE desagis.program_village ADD CONSTRAINT test_refuse_songak CHECK (desa_kode <> '52.03.02.2010') NOT VALID");
        try
        {
            using var failed = await f.Reviewer.PostAsync($"/registry/programs/{kode}/publish", null);
            Assert.True((int)failed.StatusCode is >= 400 and < 500, $"expected a 4xx, got {(int)failed.StatusCode}");
            Assert.Equal("application/problem+json", failed.Content.Headers.ContentType!.MediaType);
        }
        finally
        {
            await f.Database.ExecuteAsync("ALTER TABLE desagis.program_village DROP CONSTRAINT test_refuse_songak");
        }
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM desagis.program WHERE kode = $1", kode));
        Assert.Equal("draft", await f.Database.ScalarAsync<string>("SELECT state FROM desagis.program_revision WHERE program_kode = $1", kode));
        Assert.Equal(tileVersion, await ScalarAsync("SELECT version FROM desagis.tile_version"));
        Assert.Equal(summaries, await ScalarAsync("SELECT program_count FROM desagis.village_summary WHERE kode = '52.03.02.2009'"));
        Assert.DoesNotContain(kode, await PublicProgramIdsAsync());
        // Once the cause is gone the same draft publishes.
        Assert.Equal(HttpStatusCode.OK, (await f.Reviewer.PostAsync($"/registry/programs/{kode}/publish", null)).StatusCode);
        Assert.Contains(kode, await PublicProgramIdsAsync());
    }

    [Fact]
    public async Task History_returns_every_version_with_who_and_when_and_datetime_shows_the_programme_as_it_was()
    {
        var kode = NewKode("HIST");
        using (var r1 = await CreateAsync(f.PartnerAClient, kode, ["63.04.02.2001"], "Irigasi Purwosari"))
            Assert.Equal(HttpStatusCode.Created, r1.StatusCode);
        using (var r2 = await SendAsync(f.PartnerAClient, HttpMethod.Patch, Items + "/" + kode, MergePatch("""{"properties": {"desa_kodes": ["63.04.02.2001", "63.04.02.2002"]}}"""), "\"r1\""))
            Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Reviewer.PostAsync($"/registry/programs/{kode}/publish", null)).StatusCode);
        var afterFirst = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        using (var r3 = await SendAsync(f.PartnerAClient, HttpMethod.Put, Items + "/" + kode, RegistryFixture.Feature(new
        {
            nama = "Irigasi Purwosari Tahap II", sector = "pertanian", status = "active", desa_kodes = new[] { "63.04.02.2003" },
        }), "\"r2\""))
            Assert.Equal(HttpStatusCode.OK, r3.StatusCode);
        using (var back = await f.Reviewer.PostAsync($"/registry/programs/{kode}/return",
            new StringContent("""{"comment": "Tamban Bangun belum disepakati desa; lampirkan berita acara."}""", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        // The partner sees the comment on its own list.
        using (var mine = await f.PartnerAClient.GetAsync("/registry/programs"))
        {
            var entry = (await RegistryFixture.JsonAsync(mine)).GetProperty("features").EnumerateArray().Single(x => x.GetProperty("id").GetString() == kode);
            Assert.Equal("returned", entry.GetProperty("properties").GetProperty("state").GetString());
            Assert.StartsWith("Tamban Bangun belum disepakati", entry.GetProperty("properties").GetProperty("review_comment").GetString());
        }
        using (var r4 = await SendAsync(f.PartnerAClient, HttpMethod.Patch, Items + "/" + kode, MergePatch("""{"properties": {"desa_kodes": ["63.04.02.2001", "63.04.02.2003"]}}"""), "\"r3\""))
            Assert.Equal(HttpStatusCode.OK, r4.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Reviewer.PostAsync($"/registry/programs/{kode}/publish", null)).StatusCode);
        var afterSecond = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        using (var r5 = await SendAsync(f.PartnerAClient, HttpMethod.Delete, Items + "/" + kode, ifMatch: "\"r4\""))
            Assert.Equal(HttpStatusCode.OK, r5.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Reviewer.PostAsync($"/registry/programs/{kode}/publish", null)).StatusCode);

        // Ended: gone from the map and the items …
        Assert.Equal(HttpStatusCode.NotFound, (await f.Anonymous.GetAsync(Items + "/" + kode)).StatusCode);
        Assert.DoesNotContain(kode, await PublicProgramIdsAsync());
        Assert.DoesNotContain(await TileFeaturesAsync("programs", "63.04.02.2001"), x => (string)x.Attributes["kode"] == kode);
        // … but every version is kept, in order, with its author, state and the reviewer's comment.
        using var history = await f.PartnerAClient.GetAsync(Items + "/" + kode + "/history");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var versions = (await RegistryFixture.JsonAsync(history)).GetProperty("features").EnumerateArray().Select(x => x.GetProperty("properties")).ToList();
        Assert.Equal([1, 2, 3, 4, 5], versions.Select(v => v.GetProperty("revision").GetInt32()));
        Assert.Equal(["create", "update", "replace", "update", "delete"], versions.Select(v => v.GetProperty("operation").GetString()));
        Assert.Equal(["superseded", "published", "returned", "published", "published"], versions.Select(v => v.GetProperty("state").GetString()));
        Assert.All(versions, v => Assert.StartsWith("partner-CONTOH-MTR-2-", v.GetProperty("author").GetString()));
        Assert.Equal("Irigasi Purwosari Tahap II", versions[2].GetProperty("nama").GetString());
        Assert.StartsWith("Tamban Bangun", versions[2].GetProperty("review_comment").GetString());
        Assert.StartsWith("test-reviewer-", versions[1].GetProperty("reviewer").GetString());
        Assert.Equal(["63.04.02.2001", "63.04.02.2002"], versions[1].GetProperty("desa_kodes").EnumerateArray().Select(x => x.GetString()));
        // The public history holds the published versions only.
        using (var publicHistory = await f.Anonymous.GetAsync(Items + "/" + kode + "/history"))
            Assert.Equal([2, 4, 5], (await RegistryFixture.JsonAsync(publicHistory)).GetProperty("features").EnumerateArray()
                .Select(x => x.GetProperty("properties").GetProperty("revision").GetInt32()));

        // As it was: after the first publication, after the second, and after the end.
        async Task<JsonElement> AtAsync(DateTimeOffset at)
        {
            using var r = await f.Anonymous.GetAsync(Items + "/" + kode + "?datetime=" + Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'")));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return (await RegistryFixture.JsonAsync(r)).GetProperty("properties");
        }
        Assert.Equal(2, (await AtAsync(afterFirst)).GetProperty("revision").GetInt32());
        Assert.Equal("Irigasi Purwosari", (await AtAsync(afterFirst)).GetProperty("nama").GetString());
        Assert.Equal(4, (await AtAsync(afterSecond)).GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await f.Anonymous.GetAsync(Items + "/" + kode + "?datetime=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'")))).StatusCode);
        // An ended programme takes no more writes; its code stays taken.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(f.PartnerAClient, HttpMethod.Patch, Items + "/" + kode, MergePatch("""{"properties": {"status": "active"}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CreateAsync(f.PartnerAClient, kode, ["63.04.02.2001"])).StatusCode);
    }

    [Fact]
    public async Task A_programme_loaded_from_a_file_keeps_its_loaded_state_as_version_1_when_its_partner_first_changes_it()
    {
        using var before = await f.PartnerBClient.GetAsync(Items + "/CONTOH-PRG-2");
        Assert.Equal("\"r1\"", ETagOf(before));
        using var patched = await SendAsync(f.PartnerBClient, HttpMethod.Patch, Items + "/CONTOH-PRG-2",
            new StringContent("""{"properties": {"end_date": "2027-06-30", "budget": 480000000}}""", Encoding.UTF8, "application/geo+json"), "\"r1\"");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("\"r2\"", ETagOf(patched));
        using var history = await f.Reviewer.GetAsync(Items + "/CONTOH-PRG-2/history");
        var versions = (await RegistryFixture.JsonAsync(history)).GetProperty("features").EnumerateArray().Select(x => x.GetProperty("properties")).ToList();
        Assert.Equal(["baseline", "update"], versions.Select(v => v.GetProperty("operation").GetString()));
        Assert.Equal("2026-06-30", versions[0].GetProperty("end_date").GetString());
        Assert.Equal("2027-06-30", versions[1].GetProperty("end_date").GetString());
        Assert.Equal(5, versions[1].GetProperty("desa_kodes").GetArrayLength());
        // The public map keeps the loaded version until a reviewer publishes the change.
        using var publicNow = await f.Anonymous.GetAsync(Items + "/CONTOH-PRG-2");
        Assert.Equal("\"r1\"", ETagOf(publicNow));
    }

    [Fact]
    public async Task The_conformance_declaration_lists_Part_4_and_unsupported_bodies_get_415()
    {
        using var conformance = await f.Anonymous.GetAsync("/conformance?f=json");
        var classes = (await RegistryFixture.JsonAsync(conformance)).GetProperty("conformsTo").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags", classes);
        using var text = await f.PartnerAClient.PostAsync(Items, new StringContent("nama=x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        using var broken = await f.PartnerAClient.PostAsync(Items, new StringContent("{\"type\": \"Feature\",", Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [Fact]
    public async Task Hostile_text_is_stored_as_text_and_codes_that_cannot_be_ours_are_refused_by_name()
    {
        var kode = NewKode("HOSTILE");
        const string nama = "Air \"Bersih\" '; DROP TABLE desagis.program; -- Désa Ñusa 🌊";
        using (var created = await f.PartnerAClient.PostAsync(Items, RegistryFixture.Feature(new
        {
            kode, nama, sector = "air bersih", desa_kodes = new[] { "5203022010" }, // 10-digit form
        })))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var props = (await RegistryFixture.JsonAsync(created)).GetProperty("properties");
            Assert.Equal(nama, props.GetProperty("nama").GetString());
            Assert.Equal(["52.03.02.2010"], props.GetProperty("desa_kodes").EnumerateArray().Select(x => x.GetString()!).ToList());
        }
        Assert.True(await ScalarAsync("SELECT count(*) FROM desagis.program") > 0);

        using var spaced = await f.PartnerAClient.PostAsync(Items, RegistryFixture.Feature(new
        {
            kode = "PRG 1; --", nama = "X", sector = "s", desa_kodes = new[] { "52.03.02.2010" },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, spaced.StatusCode);
        Assert.Equal("kode", (await RegistryFixture.JsonAsync(spaced)).GetProperty("field").GetString());
        // A list of codes that is not a list, and an id that does not match the address.
        using var notList = await f.PartnerAClient.PostAsync(Items, RegistryFixture.Feature(new { nama = "X", sector = "s", desa_kodes = "52.03.02.2010" }));
        Assert.Equal("desa_kodes", (await RegistryFixture.JsonAsync(notList)).GetProperty("field").GetString());
        using var mismatch = await SendAsync(f.PartnerAClient, HttpMethod.Put, Items + "/" + kode,
            new StringContent("""{"type":"Feature","id":"OTHER","geometry":null,"properties":{"nama":"X","sector":"s","desa_kodes":["52.03.02.2010"]}}""",
                Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal("id", (await RegistryFixture.JsonAsync(mismatch)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(f.PartnerAClient, HttpMethod.Delete, Items + "/" + Uri.EscapeDataString("../CONTOH-PRG-1"))).StatusCode);
    }
}
