using DesaGis.Core.Cql2;
using DesaGis.Core.Features;

namespace DesaGis.Core.Fes;

/// <summary>
/// A parsed OGC Filter Encoding filter: the same expression tree CQL2 filters become (so one translator turns both
/// into SQL), and the CRS its geometry literals are in, with easting/longitude first.
/// </summary>
/// <param name="Expression">The filter as a CQL2 expression.</param>
/// <param name="Crs">The CRS of the geometry literals (CRS84 when there are none).</param>
public sealed record FesFilter(CqlExpression Expression, CrsDefinition Crs);
