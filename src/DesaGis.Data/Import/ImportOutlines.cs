namespace DesaGis.Data.Import;

/// <summary>What an import of kecamatan, kabupaten or desa polygons does about the outlines of the areas it touches.</summary>
public enum ImportOutlines
{
    /// <summary>Compare each kecamatan and kabupaten outline with its villages and report those that disagree (the default).</summary>
    Check,

    /// <summary>Report as <see cref="Check"/>, then replace the outlines by the union of their villages.</summary>
    Build,

    /// <summary>Leave outlines alone and do not compare them.</summary>
    None,
}
