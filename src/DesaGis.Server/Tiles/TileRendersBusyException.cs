namespace DesaGis.Server.Tiles;

/// <summary>
/// Every tile render slot is busy and the render queue is full, or a queued render waited its limit: the request is
/// answered 503 with Retry-After (see ErrorHandling), rather than piling more work on the database.
/// </summary>
public sealed class TileRendersBusyException(int slots, int queue)
    : Exception($"All {slots} tile render slots are busy and the render queue ({queue}) is full or moved too slowly.")
{
    /// <summary>The render slots in force.</summary>
    public int Slots { get; } = slots;

    /// <summary>The render queue's places.</summary>
    public int Queue { get; } = queue;
}
