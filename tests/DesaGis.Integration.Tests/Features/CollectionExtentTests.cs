using System.Text.Json;
using DesaGis.Integration.Tests.Tiles;

namespace DesaGis.Integration.Tests.Features;

/// <summary>Collection extents are kept between requests, yet a change to the data shows in the very next one.</summary>
public class CollectionExtentTests(TileServerFixture fixture) : IClassFixture<TileServerFixture>
{
    private async Task<double[]> BboxAsync(string path, string collection)
    {
        using var doc = JsonDocument.Parse(await fixture.Client.GetStringAsync(path));
        var c = doc.RootElement.TryGetProperty("collections", out var list)
            ? list.EnumerateArray().Single(e => e.GetProperty("id").GetString() == collection)
            : doc.RootElement;
        return c.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
    }

    [Fact]
    public async Task A_village_added_far_away_widens_the_extent_in_the_next_request_and_its_removal_shrinks_it()
    {
        var before = await BboxAsync("/collections/villages", "villages");
        Assert.Equal(before, await BboxAsync("/collections", "villages"));
        Assert.True(before[2] < 125, $"the test villages lie west of 125E: {string.Join(", ", before)}");

        await fixture.Database.ExecuteAsync(
            "INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES ('81.01.01.2001', 'Desa Timur', 'desa', ST_GeomFromText('MULTIPOLYGON(((130 -8,130.1 -8,130.1 -7.9,130 -7.9,130 -8)))', 4326))");
        try
        {
            var wider = await BboxAsync("/collections", "villages");
            Assert.Equal(130.1, wider[2], 6);
            Assert.Equal(-8, wider[1], 6);
            Assert.Equal(wider, await BboxAsync("/collections/villages", "villages"));
        }
        finally
        {
            await fixture.Database.ExecuteAsync("DELETE FROM desagis.desa WHERE kode = '81.01.01.2001'");
        }
        Assert.Equal(before, await BboxAsync("/collections/villages", "villages"));
        Assert.Equal(before, await BboxAsync("/collections", "villages"));
    }
}
