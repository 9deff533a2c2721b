namespace DesaGis.Data.Export;

/// <summary>How a CSV export carries geometry: a WKT column, or a point inside each feature as lon/lat columns.</summary>
public enum CsvGeometry
{
    Wkt,
    Centroid,
}
