using System.ComponentModel.DataAnnotations;

namespace DesaGis.Server.Ows;

/// <summary>WMS/WFS settings, bound from <c>DesaGis:Ows</c>.</summary>
public sealed class OwsOptions
{
    public const string Section = "DesaGis:Ows";

    /// <summary>Largest size of the WMS image cache in megabytes; 0 turns it off.</summary>
    [Range(0, 65536)]
    public int ImageCacheMegabytes { get; set; } = 64;
}
