using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>Like <see cref="TileServerFixture"/>, with the cache in Notify consistency (changes arrive by LISTEN/NOTIFY).</summary>
public sealed class NotifyTileServerFixture : TileServerFixture
{
    protected override DesaGisServer CreateServer(PostgisDatabase database) => new NotifyServer(database);

    private sealed class NotifyServer(PostgisDatabase db) : DesaGisServer(db)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DesaGis:Tiles:Consistency"] = "Notify",
        };
    }
}
