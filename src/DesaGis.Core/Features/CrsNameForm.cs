namespace DesaGis.Core.Features;

/// <summary>How a CRS name was written; the classic OGC services read axis order from it.</summary>
public enum CrsNameForm
{
    /// <summary>OGC CRS84 in any of its spellings (CRS84, CRS:84, OGC:CRS84, its URN or URI): longitude first.</summary>
    Crs84,

    /// <summary>The short form <c>EPSG:32750</c>.</summary>
    EpsgShort,

    /// <summary>The OGC URI <c>http://www.opengis.net/def/crs/EPSG/0/32750</c> (EPSG axis order).</summary>
    OgcUri,

    /// <summary>The URN <c>urn:ogc:def:crs:EPSG::32750</c>, with or without a version, or its older <c>urn:x-ogc</c> form (EPSG axis order).</summary>
    Urn,

    /// <summary>The GML form <c>http://www.opengis.net/gml/srs/epsg.xml#4326</c> (longitude first by long practice).</summary>
    GmlSrs,

    /// <summary>A bare code of four to six digits, <c>32750</c>.</summary>
    Code,
}
