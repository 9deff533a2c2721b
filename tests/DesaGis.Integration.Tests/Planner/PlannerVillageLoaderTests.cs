using DesaGis.Data.Planning;
using DesaGis.Planning;
using DesaGis.Planning.Requests;

namespace DesaGis.Integration.Tests.Planner;

public class PlannerVillageLoaderTests(PlannerFixture fixture) : IClassFixture<PlannerFixture>
{
    private static PlanParameters Plan(AreaRequest? area = null, PinsRequest? pins = null) =>
        PlanValidator.Validate(new PlanRequest { Criteria = [new() { Criterion = "population" }], Area = area, Pins = pins });

    [Fact]
    public async Task Villages_carry_indicators_partners_seat_and_transmigration_distances()
    {
        // A transmigration area a little east of Tanjung (63.98.01.2005, column 4 of row 0), covering nothing.
        await fixture.Db.ExecuteAsync(
            """
            INSERT INTO desagis.transmigration_area (kode, nama, kind, geom)
            VALUES ('T1', 'SP Uji', 'SP', ST_Multi(ST_MakeEnvelope(114.60, -3.2, 114.62, -3.18, 4326)))
            ON CONFLICT (kode) DO NOTHING
            """);
        var villages = await PlannerVillageLoader.LoadAsync(fixture.Db.DataSource, Plan(), CancellationToken.None);

        Assert.Equal(10, villages.Count);
        Assert.Equal(villages.Select(v => v.Kode).Order(StringComparer.Ordinal), villages.Select(v => v.Kode));
        var ujung = villages.Single(v => v.Kode == "63.98.01.2004");
        Assert.Equal("Desa 'Ujung'", ujung.Nama);
        Assert.Equal(30, ujung.PovertyRate);
        Assert.False(ujung.PovertyFromKabupaten);
        Assert.Equal("SANGAT_TERTINGGAL", ujung.IdmStatus);
        Assert.Equal(1, ujung.PartnerCount);
        Assert.Equal(2500, ujung.Population);
        // The seat is midway between the two kelurahan (columns 0 and 1): 2.5 columns of 0.02° from Desa 'Ujung'.
        Assert.InRange(ujung.DistanceToSeatKm!.Value, 5.2, 5.9);
        // Tanjung's point is about 0.011° (1.2 km) west of the area's edge; the far row is much further.
        var tanjung = villages.Single(v => v.Kode == "63.98.01.2005");
        Assert.InRange(tanjung.DistanceToTransmigrationKm!.Value, 0.9, 1.4);
        Assert.True(villages.Single(v => v.Kode == "63.98.02.2006").DistanceToTransmigrationKm > 12);
        Assert.False(tanjung.InTransmigrationArea);
    }

    [Fact]
    public async Task An_area_loads_only_its_villages_plus_the_pinned_ones()
    {
        var villages = await PlannerVillageLoader.LoadAsync(fixture.Db.DataSource,
            Plan(new AreaRequest { Kecamatan = ["63.98.02"] }, new PinsRequest { Include = ["63.98.01.2003"] }), CancellationToken.None);
        Assert.Equal(6, villages.Count);
        Assert.Contains(villages, v => v.Kode == "63.98.01.2003");
        Assert.All(villages.Where(v => v.Kode != "63.98.01.2003"), v => Assert.Equal("63.98.02", v.KecamatanKode));
    }
}
