namespace DesaGis.Planning.Results;

/// <summary>The reach objective of the greedy selection against an exact solver's.</summary>
/// <param name="Solver">The solver used (scip).</param>
/// <param name="Status">optimal, feasible (time limit reached) or the solver's status.</param>
/// <param name="Optimum">The best objective found by the solver.</param>
/// <param name="Greedy">The objective of the greedy selection.</param>
/// <param name="GapPercent">(optimum − greedy) / optimum × 100.</param>
/// <param name="Seconds">Solver time.</param>
public sealed record ExactComparison(string Solver, string Status, double Optimum, double Greedy, double GapPercent, double Seconds)
{
    /// <summary>The upper bound the solver proved (equals the optimum when optimal).</summary>
    public double Bound { get; init; }
}
