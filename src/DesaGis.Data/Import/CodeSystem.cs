namespace DesaGis.Data.Import;

/// <summary>Which numbering the key column of an indicator table uses.</summary>
public enum CodeSystem
{
    /// <summary>Kemendagri codes (dotted or 10-digit), the numbering of every DesaGis table.</summary>
    Kemendagri,

    /// <summary>BPS codes, translated to Kemendagri through desagis.code_crosswalk (BPS 6108 is Kemendagri 61.06).</summary>
    Bps,
}
