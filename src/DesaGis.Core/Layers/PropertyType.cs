namespace DesaGis.Core.Layers;

/// <summary>The JSON-schema type of a layer property, as declared in queryables, TileJSON and exports.</summary>
public enum PropertyType
{
    String,
    Integer,
    Number,
    Boolean,
    Date,
    DateTime,
}
