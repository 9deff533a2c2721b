using Npgsql;

namespace DesaGis.Data.Partners;

/// <summary>Reads the partners of the programme footprints.</summary>
public sealed class PartnerReader(NpgsqlDataSource dataSource)
{
    /// <summary>Every partner, in code order (the order a palette assigns colours in).</summary>
    public async Task<List<PartnerName>> ListAsync(CancellationToken cancellationToken)
    {
        var partners = new List<PartnerName>();
        await using var cmd = dataSource.CreateCommand("SELECT kode, nama FROM desagis.partner ORDER BY kode");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) partners.Add(new PartnerName(reader.GetString(0), reader.GetString(1)));
        return partners;
    }
}
