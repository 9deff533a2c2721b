using System.Net;
using System.Text.Json;

namespace DesaGis.Integration.Tests.Features;

/// <summary>Items pages: paging, bbox, limit, properties, sortby, equality filters and single features.</summary>
public class ItemsTests(FeaturesFixture f) : IClassFixture<FeaturesFixture>
{
    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("features").EnumerateArray().Select(x => x.GetProperty("id").GetString()!).ToList();

    private static string? Link(JsonElement page, string rel) =>
        page.GetProperty("links").EnumerateArray().FirstOrDefault(l => l.GetProperty("rel").GetString() == rel) is { ValueKind: JsonValueKind.Object } l
            ? l.GetProperty("href").GetString()
            : null;

    [Fact]
    public async Task Walking_the_next_links_returns_every_village_exactly_once()
    {
        var seen = new List<string>();
        string? url = "/collections/villages/items?limit=97";
        int pages = 0;
        while (url is not null)
        {
            var page = await f.GetJsonAsync(url);
            Assert.Equal(FeaturesFixture.Villages, page.GetProperty("numberMatched").GetInt64());
            var ids = Ids(page);
            Assert.Equal(ids.Count, page.GetProperty("numberReturned").GetInt32());
            seen.AddRange(ids);
            url = Link(page, "next");
            if (url is not null) Assert.StartsWith(f.Server.BaseUri.ToString(), url);
            if (pages > 0) Assert.NotNull(Link(page, "prev"));
            pages++;
            Assert.True(pages < 100, "the next links do not end");
        }
        Assert.Equal(13, pages);
        Assert.Equal(FeaturesFixture.Villages, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var all = new List<string>();
        await using (var cmd = f.Database.DataSource.CreateCommand("SELECT kode FROM desagis.desa ORDER BY kode"))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) all.Add(reader.GetString(0));
        Assert.Equal(all, seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Walking_sorted_and_filtered_pages_keeps_the_order_across_pages_ties_included()
    {
        // Poverty rates repeat and some are missing, so the order between equal rates rests on the code alone.
        var seen = new List<(string Kode, double? Rate)>();
        string? url = "/collections/village_indicators/items?limit=50&sortby=-poverty_rate&filter=kecamatan_kode%20LIKE%20%2763.04.%25%27";
        while (url is not null)
        {
            var page = await f.GetJsonAsync(url);
            foreach (var feature in page.GetProperty("features").EnumerateArray())
            {
                var rate = feature.GetProperty("properties").GetProperty("poverty_rate");
                seen.Add((feature.GetProperty("id").GetString()!, rate.ValueKind == JsonValueKind.Null ? null : rate.GetDouble()));
            }
            url = Link(page, "next");
            Assert.True(seen.Count <= FeaturesFixture.Villages, "the next links do not end");
        }
        var expected = new List<string>();
        await using (var cmd = f.Database.DataSource.CreateCommand(
            "SELECT kode FROM desagis.village_indicators WHERE kecamatan_kode LIKE '63.04.%' ORDER BY poverty_rate DESC, kode"))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) expected.Add(reader.GetString(0));
        Assert.True(expected.Count > 500);
        Assert.Equal(expected, seen.Select(s => s.Kode).ToList());
        Assert.Contains(seen, s => s.Rate is null);
    }

    [Fact]
    public async Task The_whole_village_layer_streams_in_one_page_of_10000()
    {
        using var response = await f.Client.GetAsync("/collections/villages/items?limit=10000", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        // Streamed, not buffered: the length is not known when the headers are sent.
        Assert.Null(response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var doc = await JsonDocument.ParseAsync(body);
        Assert.Equal(FeaturesFixture.Villages, doc.RootElement.GetProperty("features").GetArrayLength());
        Assert.Equal(FeaturesFixture.Villages, doc.RootElement.GetProperty("numberReturned").GetInt32());
        Assert.Null(Link(doc.RootElement, "next"));
        Assert.True(DateTime.TryParse(doc.RootElement.GetProperty("timeStamp").GetString(), out _));
    }

    [Fact]
    public async Task The_default_page_is_100_and_a_larger_limit_is_clamped_to_10000()
    {
        var page = await f.GetJsonAsync("/collections/villages/items");
        Assert.Equal(100, page.GetProperty("numberReturned").GetInt32());
        Assert.Contains("limit=100", Link(page, "next"));
        var clamped = await f.GetJsonAsync("/collections/villages/items?limit=50000&properties=kode");
        Assert.Equal(FeaturesFixture.Villages, clamped.GetProperty("numberReturned").GetInt32());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("bbox=114,-3,113,-2&bbox-crs=EPSG:3857", "bbox")]
    [InlineData("bbox=114,-3,115,-95", "bbox")]
    [InlineData("properties=nama,password", "properties")]
    [InlineData("sortby=-secret", "sortby")]
    [InlineData("colour=red", "colour")]
    [InlineData("area_km2=big", "area_km2")]
    [InlineData("datetime=yesterday", "datetime")]
    public async Task Invalid_parameters_are_400_problems_that_say_what_is_wrong(string query, string parameter)
    {
        using var response = await f.Client.GetAsync("/collections/villages/items?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, doc.RootElement.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("detail").GetString()));
        Assert.Equal(400, doc.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_bbox_returns_exactly_the_villages_that_intersect_it()
    {
        var page = await f.GetJsonAsync("/collections/villages/items?bbox=114.405,-3.295,114.425,-3.275&limit=1000");
        var expected = await f.CountAsync("SELECT count(*) FROM desagis.desa WHERE ST_Intersects(geom, ST_MakeEnvelope(114.405,-3.295,114.425,-3.275,4326))");
        Assert.Equal(expected, page.GetProperty("numberMatched").GetInt64());
        Assert.Equal(expected, Ids(page).Count);
        Assert.True(expected > 4);
    }

    [Fact]
    public async Task A_bbox_across_the_antimeridian_finds_villages_on_both_sides()
    {
        var page = await f.GetJsonAsync("/collections/villages/items?bbox=179.5,-17,-179.5,-15");
        Assert.Equal(["99.01.01.2001", "99.01.01.2002"], Ids(page).Order());
        var oneSide = await f.GetJsonAsync("/collections/villages/items?bbox=179.5,-17,180,-15");
        Assert.Equal(["99.01.01.2001"], Ids(oneSide));
    }

    [Fact]
    public async Task Properties_limits_what_is_returned()
    {
        var page = await f.GetJsonAsync("/collections/village_indicators/items?properties=nama,poverty_rate&limit=3");
        foreach (var feature in page.GetProperty("features").EnumerateArray())
            Assert.Equal(["nama", "poverty_rate"], feature.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Sortby_orders_by_several_properties_in_either_direction()
    {
        var page = await f.GetJsonAsync("/collections/village_indicators/items?sortby=-poverty_rate,%2Bnama&limit=50&filter=poverty_rate%20IS%20NOT%20NULL");
        var rows = page.GetProperty("features").EnumerateArray()
            .Select(x => (Rate: x.GetProperty("properties").GetProperty("poverty_rate").GetDouble(), Name: x.GetProperty("properties").GetProperty("nama").GetString()!))
            .ToList();
        Assert.Equal(39.5, rows[0].Rate);
        for (int i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i - 1].Rate >= rows[i].Rate);
            if (rows[i - 1].Rate == rows[i].Rate) Assert.True(string.CompareOrdinal(rows[i - 1].Name, rows[i].Name) <= 0);
        }
        var plusAsSpace = await f.GetJsonAsync("/collections/villages/items?sortby=+nama&limit=1");
        var first = await f.Database.ScalarAsync<string>("SELECT kode FROM desagis.desa ORDER BY nama, kode LIMIT 1");
        Assert.Equal([first], Ids(plusAsSpace));
    }

    [Fact]
    public async Task A_queryable_property_as_a_parameter_filters_by_equality()
    {
        var page = await f.GetJsonAsync("/collections/villages/items?kabupaten_kode=61.06&limit=1000");
        var expected = await f.CountAsync("SELECT count(*) FROM desagis.desa WHERE kabupaten_kode = '61.06'");
        Assert.Equal(expected, page.GetProperty("numberMatched").GetInt64());
        Assert.All(page.GetProperty("features").EnumerateArray(), x => Assert.Equal("61.06", x.GetProperty("properties").GetProperty("kabupaten_kode").GetString()));
        var covered = await f.GetJsonAsync("/collections/village_indicators/items?in_transmigration_area=true&limit=1000");
        Assert.Equal(await f.CountAsync("SELECT count(DISTINCT desa_kode) FROM desagis.transmigration_area_village"), covered.GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task Datetime_selects_by_the_collection_year()
    {
        var page = await f.GetJsonAsync("/collections/programs/items?datetime=2022-01-01T00:00:00Z/..");
        Assert.Equal(["PR-1", "PR-2"], Ids(page).Order());
    }

    [Fact]
    public async Task A_village_is_found_by_its_dotted_or_10_digit_code_with_its_name_intact()
    {
        foreach (var (kode, nama) in FeaturesFixture.HostileNames)
        {
            var feature = await f.GetJsonAsync("/collections/village_indicators/items/" + Uri.EscapeDataString(kode));
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.Equal(kode, feature.GetProperty("id").GetString());
            Assert.Equal(nama, feature.GetProperty("properties").GetProperty("nama").GetString());
            Assert.Equal("MultiPolygon", feature.GetProperty("geometry").GetProperty("type").GetString());
            Assert.Contains(feature.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "collection");
        }
        var byDigits = await f.GetJsonAsync("/collections/villages/items/6304012001");
        Assert.Equal("63.04.01.2001", byDigits.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_village_indicators_layer_carries_latest_figures_programmes_and_transmigration()
    {
        var feature = await f.GetJsonAsync("/collections/village_indicators/items/63.04.01.2010");
        var p = feature.GetProperty("properties");
        Assert.Equal("Barito Kuala", p.GetProperty("kabupaten_nama").GetString());
        Assert.Equal(1, p.GetProperty("program_count").GetInt32());
        Assert.Equal("Kementerian Desa", p.GetProperty("partner_names").GetString());
        Assert.Equal(2023, p.GetProperty("indicator_year").GetInt32());
        var inArea = await f.GetJsonAsync("/collections/village_indicators/items/63.04.01.2001");
        Assert.True(inArea.GetProperty("properties").GetProperty("in_transmigration_area").GetBoolean());
        Assert.Equal("SKP Tabunganen", inArea.GetProperty("properties").GetProperty("transmigration_area").GetString());
    }

    [Fact]
    public async Task Every_collection_serves_items_whose_count_matches_the_database()
    {
        foreach (var (collection, sql) in FeaturesFixture.CountSql)
        {
            var page = await f.GetJsonAsync($"/collections/{collection}/items?limit=1");
            Assert.Equal(await f.CountAsync(sql), page.GetProperty("numberMatched").GetInt64());
        }
    }

    [Fact]
    public async Task An_unknown_feature_is_a_404_problem()
    {
        using var response = await f.Client.GetAsync("/collections/villages/items/63.04.01.9999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:desagis:problem:unknown-feature", doc.RootElement.GetProperty("type").GetString());
    }
}
