using System.Text;

namespace DesaGis.Data.Demo;

/// <summary>
/// A minimal RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes) with line numbers for messages.
/// Lines starting with '#' before the first record are comments (the household file opens with a notice that it is synthetic personal data).
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _field = new();

    /// <summary>The line on which the last record returned started (1-based).</summary>
    public int LineNumber { get; private set; }

    private int _line = 1;

    private bool _any;

    /// <summary>The next record, or null at the end of the input. Blank lines are skipped.</summary>
    public List<string>? Read()
    {
        while (true)
        {
            LineNumber = _line;
            int c = reader.Read();
            if (c < 0) return null;
            if (c == '\n') { _line++; continue; }
            if (c == '\r') continue;
            if (c == '#' && !_any)
            {
                while (c >= 0 && c != '\n') c = reader.Read();
                if (c == '\n') _line++;
                continue;
            }
            _any = true;
            var fields = new List<string>();
            bool quoted = false;
            _field.Clear();
            while (true)
            {
                if (quoted)
                {
                    if (c < 0) throw new DemoLoadException($"line {LineNumber}: a quoted field is not closed.");
                    if (c == '"')
                    {
                        if (reader.Peek() == '"') { _field.Append('"'); reader.Read(); }
                        else quoted = false;
                    }
                    else
                    {
                        if (c == '\n') _line++;
                        _field.Append((char)c);
                    }
                }
                else if (c == '"' && _field.Length == 0) quoted = true;
                else if (c == ',') { fields.Add(_field.ToString()); _field.Clear(); }
                else if (c == '\n' || c < 0)
                {
                    if (c == '\n') _line++;
                    fields.Add(_field.ToString());
                    return fields;
                }
                else if (c != '\r') _field.Append((char)c);
                c = reader.Read();
            }
        }
    }
}
