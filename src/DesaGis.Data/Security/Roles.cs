namespace DesaGis.Data.Security;

/// <summary>The roles a caller can hold, from least to most trusted. Anonymous callers hold none.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Planner = "planner";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Planner, Admin];

    /// <summary>Whether a holder of <paramref name="held"/> may do what <paramref name="required"/> allows (admin ⊃ planner ⊃ viewer).</summary>
    public static bool Satisfies(string held, string required) => Rank(held) >= Rank(required) && Rank(required) > 0;

    public static int Rank(string role) => role switch
    {
        Viewer => 1,
        Planner => 2,
        Admin => 3,
        _ => 0,
    };
}
