using Xunit;

namespace DesaGis.Testing;

/// <summary>A test that reads ../shared/geodata: skipped when that folder is absent and CI is unset, run (and failing) otherwise.</summary>
public sealed class GeodataFactAttribute : FactAttribute
{
    public GeodataFactAttribute()
    {
        if (SharedGeodata.Directory is null && !SharedGeodata.IsCi)
            Skip = "../shared/geodata is not present (set DESAGIS_SHARED_GEODATA to run this test).";
    }
}
