using System.Net;
using System.Text.Json;

namespace DesaGis.Integration.Tests.Features;

/// <summary>The viewer's village search: names (case, accent and space tolerant) and codes, exact names first.</summary>
public class SearchTests(FeaturesFixture f) : IClassFixture<FeaturesFixture>
{
    private async Task<List<JsonElement>> SearchAsync(string q, int? limit = null)
    {
        var json = await f.GetJsonAsync("/search?q=" + Uri.EscapeDataString(q) + (limit is int l ? "&limit=" + l : ""));
        Assert.Equal("FeatureCollection", json.GetProperty("type").GetString());
        return json.GetProperty("features").EnumerateArray().ToList();
    }

    private static string Kode(JsonElement feature) => feature.GetProperty("properties").GetProperty("kode").GetString()!;

    [Fact]
    public async Task An_exact_name_comes_before_longer_names_that_contain_it()
    {
        var results = await SearchAsync("tanjung harapan");
        Assert.Equal(["63.04.01.2006", "63.04.01.2007"], results.Select(Kode));
    }

    [Fact]
    public async Task Case_accents_spaces_and_punctuation_do_not_matter()
    {
        Assert.Equal(["63.04.01.2004"], (await SearchAsync("nusa ost")).Select(Kode));
        Assert.Equal(["63.04.01.2004"], (await SearchAsync("ÑUSA-ÖST")).Select(Kode));
        Assert.Equal(["63.04.01.2001"], (await SearchAsync("o'brien")).Select(Kode));
        Assert.Equal(["63.04.01.2002"], (await SearchAsync("sungai \"kapuas\"")).Select(Kode));
    }

    [Fact]
    public async Task Codes_are_matched_by_prefix_dotted_or_as_digits()
    {
        var dotted = await SearchAsync("61.06.07.21", limit: 100);
        Assert.Equal(51, dotted.Count);
        Assert.All(dotted, r => Assert.StartsWith("61.06.07.21", Kode(r)));
        Assert.Equal(dotted.Select(Kode).Order(StringComparer.Ordinal), dotted.Select(Kode));
        var exact = await SearchAsync("6304012010");
        Assert.Equal("63.04.01.2010", Kode(exact[0]));
    }

    [Fact]
    public async Task Every_result_has_an_id_a_bbox_a_geometry_and_the_village_properties()
    {
        var results = await SearchAsync("Desa Kecamatan 63.04-2", limit: 5);
        Assert.Equal(5, results.Count);
        foreach (var r in results)
        {
            Assert.Equal(Kode(r), r.GetProperty("id").GetString());
            var bbox = r.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(4, bbox.Length);
            Assert.True(bbox[0] < bbox[2] && bbox[1] < bbox[3]);
            Assert.Equal("MultiPolygon", r.GetProperty("geometry").GetProperty("type").GetString());
            var p = r.GetProperty("properties");
            foreach (var name in new[] { "kode", "nama", "kecamatan_nama", "kabupaten_nama", "poverty_rate", "idm_status" })
                Assert.True(p.TryGetProperty(name, out _), name);
            Assert.Equal("Barito Kuala", p.GetProperty("kabupaten_nama").GetString());
        }
    }

    [Fact]
    public async Task Limit_defaults_to_10_and_wildcards_in_q_are_not_wildcards()
    {
        Assert.Equal(10, (await SearchAsync("desa")).Count);
        Assert.Equal(["63.04.01.2005"], (await SearchAsync("100% _maju")).Select(Kode));
        Assert.Empty(await SearchAsync("zzzz_"));
    }

    [Fact]
    public async Task Two_letters_find_names_that_start_with_them_and_three_find_them_anywhere()
    {
        // "ba" is inside most names ("Kecamatan ...") and starts only "Barat Jauh".
        Assert.Equal(["99.01.01.2002"], (await SearchAsync("ba", limit: 100)).Select(Kode));
        var anywhere = await SearchAsync("jau", limit: 100);
        Assert.Equal(["99.01.01.2002", "99.01.01.2001"], anywhere.Select(Kode));
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%25%25")]
    [InlineData("q=desa&limit=0")]
    public async Task A_missing_or_meaningless_query_is_a_400(string query)
    {
        using var response = await f.Client.GetAsync("/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
