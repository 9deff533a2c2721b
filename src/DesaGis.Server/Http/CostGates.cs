using System.Threading.RateLimiting;
using DesaGis.Server.Security;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Http;

/// <summary>One concurrency limiter per <see cref="CostClass"/>.</summary>
public sealed class CostGates(IOptions<SecurityOptions> options)
{
    private readonly Dictionary<CostClass, ConcurrencyLimiter> _limiters = Enum.GetValues<CostClass>().ToDictionary(c => c, _ => new ConcurrencyLimiter(
        new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.ExpensiveConcurrency),
            QueueLimit = Math.Max(0, options.Value.ExpensiveQueue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    public int Permits => Math.Max(1, options.Value.ExpensiveConcurrency);
    public int QueueLength => Math.Max(0, options.Value.ExpensiveQueue);

    public ConcurrencyLimiter For(CostClass costClass) => _limiters[costClass];

    /// <summary>Slots of a class in use right now (for tests and metrics).</summary>
    public long InUse(CostClass costClass) => Permits - (_limiters[costClass].GetStatistics()?.CurrentAvailablePermits ?? Permits);
}
