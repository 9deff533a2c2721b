using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>Like <see cref="TileServerFixture"/>, with the cache in Strict consistency (a change-log read per burst of requests).</summary>
public sealed class StrictTileServerFixture : TileServerFixture
{
    protected override DesaGisServer CreateServer(PostgisDatabase database) => new StrictServer(database);

    private sealed class StrictServer(PostgisDatabase db) : DesaGisServer(db)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DesaGis:Tiles:Consistency"] = "Strict",
        };
    }
}
