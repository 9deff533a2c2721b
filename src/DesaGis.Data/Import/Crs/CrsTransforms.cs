using Npgsql;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace DesaGis.Data.Import.Crs;

/// <summary>
/// Builds the ProjNET transformation from a source CRS to WGS 84. The CRSs Indonesian data comes in (UTM zones on
/// WGS 84 or DGN95, DGN95 itself, Web Mercator) are built in; any other EPSG code is read from PostGIS's
/// spatial_ref_sys, so the importer agrees with ST_Transform.
/// </summary>
public static class CrsTransforms
{
    private static readonly CoordinateSystemFactory Factory = new();
    private static readonly CoordinateTransformationFactory Transformations = new();

    /// <summary>The transformation to WGS 84 lon/lat, or null when the source already is WGS 84 (or DGN95, which equals it).</summary>
    public static async Task<MathTransform?> ToWgs84Async(CrsDefinition crs, NpgsqlConnection? connection, CancellationToken cancellationToken)
    {
        CoordinateSystem source;
        if (crs.Srid is int srid)
        {
            // DGN95 is defined on the WGS 84 ellipsoid with a zero datum shift (EPSG:4755 TOWGS84[0,0,0,0,0,0,0]).
            if (srid is EpsgCodes.Wgs84 or EpsgCodes.Dgn95) return null;
            if (EpsgCodes.UtmZone(srid) is { } utm) source = ProjectedCoordinateSystem.WGS84_UTM(utm.Zone, utm.North);
            else if (srid == EpsgCodes.WebMercator) source = ProjectedCoordinateSystem.WebMercator;
            else source = Parse(await SpatialRefSysWktAsync(srid, connection, cancellationToken), crs.Label);
        }
        else
        {
            source = Parse(crs.Wkt ?? throw new ImportException("A CRS needs an EPSG code or a WKT definition."), crs.Label);
        }
        if (source is GeographicCoordinateSystem g && g.HorizontalDatum.Wgs84Parameters is { HasZeroValuesOnly: true }
            && Math.Abs(g.HorizontalDatum.Ellipsoid.SemiMajorAxis - 6378137) < 1e-3 && g.PrimeMeridian.Longitude == 0)
            return null;
        try
        {
            return Transformations.CreateFromCoordinateSystems(source, GeographicCoordinateSystem.WGS84).MathTransform;
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new ImportException($"Cannot transform from {crs.Label} to EPSG:4326 ({ex.Message}). Give the source CRS with --srs EPSG:<code>.", ex);
        }
    }

    private static CoordinateSystem Parse(string wkt, string label)
    {
        try
        {
            return Factory.CreateFromWkt(wkt);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
        {
            throw new ImportException($"The CRS definition of {label} could not be read ({ex.Message}). Give the source CRS with --srs EPSG:<code>.", ex);
        }
    }

    private static async Task<string> SpatialRefSysWktAsync(int srid, NpgsqlConnection? connection, CancellationToken cancellationToken)
    {
        if (connection is null) throw new ImportException($"EPSG:{srid} is not built in; it needs the database's spatial_ref_sys.");
        await using var cmd = new NpgsqlCommand("SELECT srtext FROM spatial_ref_sys WHERE srid = $1", connection);
        cmd.Parameters.AddWithValue(srid);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string is { Length: > 0 } wkt
            ? wkt
            : throw new ImportException($"EPSG:{srid} is not a coordinate system PostGIS knows; check the --srs value.");
    }
}
