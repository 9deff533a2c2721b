namespace DesaGis.Server.Http;

/// <summary>
/// The concurrency classes of expensive work. Each has a few slots and a short bounded queue, so that however many
/// expensive requests arrive, cheap reads (tiles, items, health) keep the rest of the machine; a request that finds the
/// queue full gets 503 with Retry-After at once.
/// </summary>
public enum CostClass
{
    /// <summary>Printed maps and offline packages (/export/map, /export/package) and data exports.</summary>
    Export,

    /// <summary>Planner runs.</summary>
    Plan,

    /// <summary>Large WMS GetMap images and large WFS GetFeature answers.</summary>
    Ows,

    /// <summary>
    /// Vector tiles rendered by the database (cache misses only, one slot per coalesced render). Its slots and queue
    /// come from the tile settings (about the database's cores), not from the expensive-work settings, and it is
    /// taken inside the tile service, so a cached tile never waits behind a render.
    /// </summary>
    TileRender,
}
