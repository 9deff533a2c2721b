namespace DesaGis.Core.Features;

/// <summary>What kind of request parameter was wrong, so the HTTP layer can pick the problem type.</summary>
public enum FeatureQueryErrorKind
{
    Parameter,
    Crs,
    Filter,
}
