namespace DesaGis.Core.Codes;

/// <summary>A level of Indonesia's administrative hierarchy, from province down to village.</summary>
public enum AdminLevel
{
    Provinsi = 1,
    Kabupaten = 2,
    Kecamatan = 3,
    Desa = 4,
}
