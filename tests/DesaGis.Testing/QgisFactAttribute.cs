using Xunit;

namespace DesaGis.Testing;

/// <summary>A test that drives QGIS: skipped when PyQGIS is absent and CI is unset, run (and failing) otherwise.</summary>
public sealed class QgisFactAttribute : FactAttribute
{
    public QgisFactAttribute()
    {
        if (!SharedGeodata.IsCi && !Qgis.IsInstalled)
            Skip = "QGIS is not installed (apt-get install --no-install-recommends python3-qgis qgis-providers; make test installs it).";
    }
}
