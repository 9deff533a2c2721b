namespace DesaGis.Core.Mapping;

/// <summary>How an export's area is given.</summary>
public enum AreaKind
{
    /// <summary>A lon/lat box.</summary>
    BoundingBox,
    /// <summary>One desa/kelurahan by Kemendagri code.</summary>
    Village,
    /// <summary>A kecamatan by Kemendagri code.</summary>
    Kecamatan,
    /// <summary>A kabupaten/kota by Kemendagri code.</summary>
    Kabupaten,
    /// <summary>The villages of a saved planner scenario (its pilots and the villages they reach).</summary>
    Scenario,
}
