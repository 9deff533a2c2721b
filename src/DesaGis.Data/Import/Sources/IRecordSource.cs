using DesaGis.Data.Import.Crs;

namespace DesaGis.Data.Import.Sources;

/// <summary>A readable file of rows or features, whatever its format.</summary>
public interface IRecordSource : IDisposable
{
    /// <summary>The CRS the file declares (.prj, GeoJSON crs member, GeoPackage srs), or null when it says nothing.</summary>
    CrsDefinition? DeclaredCrs { get; }

    /// <summary>False for tables without geometry (a CSV with no WKT or lon/lat columns).</summary>
    bool HasGeometry { get; }

    /// <summary>The number of records when the format tells it up front.</summary>
    int? Count { get; }

    /// <summary>The column names, in file order.</summary>
    IReadOnlyList<string> Columns { get; }

    IEnumerable<SourceRecord> Read(CancellationToken cancellationToken);
}
