namespace DesaGis.Data.Import;

/// <summary>The file formats the importer reads.</summary>
public enum ImportFormat
{
    /// <summary>GeoJSON FeatureCollection (RFC 7946, or with a legacy <c>crs</c> member).</summary>
    GeoJson,

    /// <summary>ESRI Shapefile (.shp with .dbf/.prj/.cpg beside it, or a .zip holding one).</summary>
    Shapefile,

    /// <summary>OGC GeoPackage (.gpkg); one feature table per import.</summary>
    GeoPackage,

    /// <summary>Delimited text with a header row: a WKT column, lon/lat columns, or no geometry at all.</summary>
    Csv,

    /// <summary>Excel workbook (.xlsx), first sheet (or --layer names one), header in the first row; no geometry.</summary>
    Xlsx,
}
