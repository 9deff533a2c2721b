namespace DesaGis.Core.Features;

/// <summary>Page sizes of item requests: the default when none is asked for, and the largest served at once.</summary>
public static class FeatureLimits
{
    public const int Default = 100;
    public const int Maximum = 10_000;
}
