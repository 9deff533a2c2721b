namespace DesaGis.Data.Registry;

/// <summary>What kind of refusal a registry write met; the HTTP layer maps each to its status.</summary>
public enum RegistryErrorKind
{
    /// <summary>A field of the programme is wrong (400).</summary>
    Invalid,

    /// <summary>The caller may not change this programme (403).</summary>
    Forbidden,

    /// <summary>There is no such programme (404).</summary>
    NotFound,

    /// <summary>The caller's If-Match names a version that is no longer the newest (412).</summary>
    Stale,

    /// <summary>The programme code is already taken, or the programme is not in a state for this step (409).</summary>
    Conflict,
}
