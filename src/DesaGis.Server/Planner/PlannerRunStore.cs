using System.Collections.Concurrent;
using System.Security.Cryptography;
using DesaGis.Planning.Results;

namespace DesaGis.Server.Planner;

/// <summary>
/// Recent runs, kept in memory so that a client can fetch or save a run it just made. Bounded: the oldest runs are
/// dropped first; a run worth keeping is saved as a scenario.
/// </summary>
public sealed class PlannerRunStore
{
    public const int Capacity = 200;

    /// <summary>Planner runs allowed at once; more wait up to <see cref="GateWait"/>, then get a 503.</summary>
    public const int ConcurrentRuns = 2;

    public static readonly TimeSpan GateWait = TimeSpan.FromSeconds(30);

    /// <summary>Limits concurrent runs (CPU-bound work).</summary>
    public SemaphoreSlim Gate { get; } = new(ConcurrentRuns);

    private readonly ConcurrentDictionary<string, PlanResult> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Gives the result a fresh id and creation time, and keeps it.</summary>
    public PlanResult Add(PlanResult result, DateTimeOffset now)
    {
        var stored = result with { Id = "r-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant(), CreatedAt = now };
        _runs[stored.Id] = stored;
        _order.Enqueue(stored.Id);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest)) _runs.TryRemove(oldest, out _);
        return stored;
    }

    public PlanResult? Find(string id) => _runs.GetValueOrDefault(id);
}
