namespace DesaGis.Data.Security;

/// <summary>The roles a caller can hold, from least to most trusted. Anonymous callers hold none.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Planner = "planner";
    public const string Admin = "admin";

    /// <summary>A partner organisation's account: keeps its own programmes in the registry; reads like a viewer.</summary>
    public const string Partner = "partner";

    /// <summary>A government reviewer: sees every programme of the registry and publishes or returns drafts; reads like a viewer.</summary>
    public const string Reviewer = "reviewer";

    public static readonly IReadOnlyList<string> All = [Viewer, Planner, Admin, Partner, Reviewer];

    /// <summary>
    /// Whether a holder of <paramref name="held"/> may do what <paramref name="required"/> allows (admin ⊃ planner ⊃
    /// viewer). Partner and reviewer stand beside that ladder: only a partner acts as a partner, and a reviewer's
    /// rights belong to administrators too.
    /// </summary>
    public static bool Satisfies(string held, string required) => required switch
    {
        Partner => held == Partner,
        Reviewer => held is Reviewer or Admin,
        _ => Rank(held) >= Rank(required) && Rank(required) > 0,
    };

    public static int Rank(string role) => role switch
    {
        Viewer or Partner or Reviewer => 1,
        Planner => 2,
        Admin => 3,
        _ => 0,
    };
}
