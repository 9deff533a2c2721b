using System.Text;
using DesaGis.Core.Cql2;
using DesaGis.Core.Features;
using NetTopologySuite.Geometries;

namespace DesaGis.Data.Features;

/// <summary>
/// Writes a validated CQL2 tree as a SQL condition. Property names become the catalog's quoted columns; every
/// literal, geometries included, becomes a bound parameter.
/// </summary>
public static class CqlSqlTranslator
{
    public static void Write(CqlExpression e, LayerSql layer, CrsDefinition filterCrs, SqlCommandText cmd, StringBuilder sql)
    {
        switch (e)
        {
            case CqlAnd and: Join(and.Operands, " AND ", layer, filterCrs, cmd, sql); break;
            case CqlOr or: Join(or.Operands, " OR ", layer, filterCrs, cmd, sql); break;
            case CqlNot not:
                sql.Append("NOT (");
                Write(not.Operand, layer, filterCrs, cmd, sql);
                sql.Append(')');
                break;
            case CqlBooleanConstant b: sql.Append(b.Value ? "TRUE" : "FALSE"); break;
            case CqlComparison c:
                sql.Append(Operand(c.Left, layer, filterCrs, cmd)).Append(' ').Append(CqlComparison.Symbol(c.Operator))
                   .Append(' ').Append(Operand(c.Right, layer, filterCrs, cmd));
                break;
            case CqlLike like:
                // CQL2 and PostgreSQL agree: % and _ are wildcards, backslash escapes them.
                sql.Append(Operand(like.Value, layer, filterCrs, cmd)).Append(like.IgnoreCase ? " ILIKE " : " LIKE ").Append(Operand(like.Pattern, layer, filterCrs, cmd));
                break;
            case CqlBetween between:
                sql.Append(Operand(between.Value, layer, filterCrs, cmd)).Append(" BETWEEN ")
                   .Append(Operand(between.Low, layer, filterCrs, cmd)).Append(" AND ").Append(Operand(between.High, layer, filterCrs, cmd));
                break;
            case CqlIn @in:
                sql.Append(Operand(@in.Value, layer, filterCrs, cmd)).Append(" IN (")
                   .AppendJoin(", ", @in.List.Select(o => Operand(o, layer, filterCrs, cmd))).Append(')');
                break;
            case CqlIsNull isNull:
                sql.Append(Operand(isNull.Value, layer, filterCrs, cmd)).Append(" IS NULL");
                break;
            case CqlSpatial s:
                sql.Append(SpatialFunction(s.Operator)).Append('(').Append(Operand(s.Left, layer, filterCrs, cmd)).Append(", ")
                   .Append(Operand(s.Right, layer, filterCrs, cmd)).Append(')');
                break;
            default:
                throw new CqlException($"The filter element '{e}' is not supported.");
        }
    }

    private static void Join(IReadOnlyList<CqlExpression> operands, string op, LayerSql layer, CrsDefinition crs, SqlCommandText cmd, StringBuilder sql)
    {
        sql.Append('(');
        for (int i = 0; i < operands.Count; i++)
        {
            if (i > 0) sql.Append(op);
            sql.Append('(');
            Write(operands[i], layer, crs, cmd, sql);
            sql.Append(')');
        }
        sql.Append(')');
    }

    private static string Operand(CqlOperand o, LayerSql layer, CrsDefinition crs, SqlCommandText cmd) => o switch
    {
        CqlProperty p when p.Name == CqlValidator.GeometryProperty || p.Name == layer.Layer.GeometryColumn => layer.Geometry,
        CqlProperty p => layer.Columns.TryGetValue(p.Name, out var column)
            ? column
            : throw new CqlException($"'{p.Name}' is not a property of '{layer.Layer.Id}'."),
        CqlLiteral l => cmd.Add(l.Value),
        CqlGeometry g => GeometryParameter(g.Geometry, crs, cmd),
        _ => throw new CqlException($"'{o}' is not a supported value."),
    };

    private static string GeometryParameter(Geometry geometry, CrsDefinition crs, SqlCommandText cmd)
    {
        var g = geometry.Copy();
        if (crs.LatitudeFirst) g.Apply(new AxisSwap());
        g.SRID = crs.Srid;
        var placeholder = cmd.Add(g);
        return crs.Srid == 4326 ? placeholder : $"ST_Transform({placeholder}::geometry, 4326)";
    }

    private static string SpatialFunction(CqlSpatialOperator op) => op switch
    {
        CqlSpatialOperator.Intersects => "ST_Intersects",
        CqlSpatialOperator.Disjoint => "ST_Disjoint",
        CqlSpatialOperator.Equals => "ST_Equals",
        CqlSpatialOperator.Touches => "ST_Touches",
        CqlSpatialOperator.Within => "ST_Within",
        CqlSpatialOperator.Overlaps => "ST_Overlaps",
        CqlSpatialOperator.Crosses => "ST_Crosses",
        CqlSpatialOperator.Contains => "ST_Contains",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
