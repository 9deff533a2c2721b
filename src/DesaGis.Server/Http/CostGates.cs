using System.Threading.RateLimiting;
using DesaGis.Server.Security;
using DesaGis.Server.Tiles;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Http;

/// <summary>One concurrency limiter per <see cref="CostClass"/>.</summary>
public sealed class CostGates
{
    private readonly Dictionary<CostClass, ConcurrencyLimiter> _limiters;
    private readonly Dictionary<CostClass, (int Permits, int Queue)> _sizes;

    public CostGates(IOptions<SecurityOptions> options, IOptions<TileOptions> tiles)
    {
        var expensive = (Math.Max(1, options.Value.ExpensiveConcurrency), Math.Max(0, options.Value.ExpensiveQueue));
        _sizes = Enum.GetValues<CostClass>().ToDictionary(c => c, c => c == CostClass.TileRender
            ? (tiles.Value.EffectiveRenderConcurrency, Math.Max(0, tiles.Value.RenderQueue))
            : expensive);
        _limiters = _sizes.ToDictionary(e => e.Key, e => new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = e.Value.Permits,
            QueueLimit = e.Value.Queue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    }

    /// <summary>Slots of each expensive-work class (exports, plans, large OWS answers).</summary>
    public int Permits => _sizes[CostClass.Export].Permits;

    /// <summary>Queue places of each expensive-work class.</summary>
    public int QueueLength => _sizes[CostClass.Export].Queue;

    /// <summary>Slots of a class.</summary>
    public int PermitsOf(CostClass costClass) => _sizes[costClass].Permits;

    /// <summary>Queue places of a class.</summary>
    public int QueueLengthOf(CostClass costClass) => _sizes[costClass].Queue;

    public ConcurrencyLimiter For(CostClass costClass) => _limiters[costClass];

    /// <summary>Slots of a class in use right now (for tests and metrics).</summary>
    public long InUse(CostClass costClass) => PermitsOf(costClass) - (_limiters[costClass].GetStatistics()?.CurrentAvailablePermits ?? PermitsOf(costClass));

    /// <summary>Requests of a class waiting in its queue right now (for tests and metrics).</summary>
    public long Queued(CostClass costClass) => _limiters[costClass].GetStatistics()?.CurrentQueuedCount ?? 0;
}
