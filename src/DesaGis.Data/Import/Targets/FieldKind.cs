namespace DesaGis.Data.Import.Targets;

/// <summary>How a source value is read into a target field.</summary>
public enum FieldKind
{
    /// <summary>Trimmed text.</summary>
    Text,

    /// <summary>A Kemendagri code of the field's level, dotted or 10-digit in the file, stored dotted.</summary>
    Code,

    /// <summary>A list of village codes separated by commas, semicolons, bars or spaces.</summary>
    CodeList,

    Integer,
    Number,
    Date,

    /// <summary>A year between 1900 and 2200.</summary>
    Year,

    /// <summary>One of a fixed set of words (after the synonyms of <see cref="TargetField.Synonyms"/>).</summary>
    Choice,
}
