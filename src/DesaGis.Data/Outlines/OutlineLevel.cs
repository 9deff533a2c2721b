namespace DesaGis.Data.Outlines;

/// <summary>The areas whose outlines can be built from their villages.</summary>
public enum OutlineLevel
{
    Kecamatan,
    Kabupaten,
}
