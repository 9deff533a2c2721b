using DesaGis.Data.Import.Crs;
using MiniExcelLibs;

namespace DesaGis.Data.Import.Sources;

/// <summary>
/// An Excel workbook (.xlsx) read with MiniExcel: the first sheet (or the named one), its first row the header. A
/// plain table without geometry, as planning offices keep indicator figures. Numbers arrive as numbers, so no
/// decimal comma can be misread.
/// </summary>
public sealed class XlsxRecordSource : IRecordSource
{
    private readonly string _path;
    private readonly string? _sheet;

    public XlsxRecordSource(string path, string? sheet)
    {
        _path = path;
        try
        {
            var sheets = MiniExcel.GetSheetNames(path);
            if (sheet is not null && !sheets.Contains(sheet))
                throw new ImportException($"{Path.GetFileName(path)} has no sheet '{sheet}'; its sheets: {string.Join(", ", sheets)}.");
            _sheet = sheet ?? sheets.FirstOrDefault();
            Columns = MiniExcel.GetColumns(path, useHeaderRow: true, sheetName: _sheet)?.Select(c => c?.Trim() ?? "").ToList() ?? [];
        }
        catch (ImportException) { throw; }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw new ImportException($"{Path.GetFileName(path)} cannot be read as an Excel .xlsx workbook: {ex.Message}", ex);
        }
        if (Columns.Count == 0 || Columns.All(c => c.Length == 0))
            throw new ImportException($"{Path.GetFileName(path)}: the sheet is empty; it needs a header row.");
    }

    public CrsDefinition? DeclaredCrs => null;
    public bool HasGeometry => false;
    public int? Count => null;
    public IReadOnlyList<string> Columns { get; }

    public IEnumerable<SourceRecord> Read(CancellationToken cancellationToken)
    {
        int row = 1;
        foreach (IDictionary<string, object?> values in MiniExcel.Query(_path, useHeaderRow: true, sheetName: _sheet))
        {
            row++;
            cancellationToken.ThrowIfCancellationRequested();
            var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in values)
            {
                var name = key.Trim();
                if (name.Length == 0) continue;
                attributes[name] = value switch
                {
                    null => null,
                    string s when string.IsNullOrWhiteSpace(s) => null,
                    string s => s.Trim(),
                    _ => value,
                };
            }
            if (attributes.Values.All(v => v is null)) continue;
            yield return new SourceRecord($"row {row}", attributes, null);
        }
    }

    public void Dispose() { }
}
