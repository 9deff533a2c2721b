using DesaGis.Data.Migrations;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Platform;

public class MigrationTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    [Fact]
    public async Task A_new_database_is_at_the_latest_schema_version()
    {
        Assert.Equal(MigrationRunner.LatestVersion, await MigrationRunner.CurrentVersionAsync(db.DataSource));
    }

    [Fact]
    public async Task Migrating_again_applies_nothing()
    {
        var applied = await MigrationRunner.MigrateAsync(db.DataSource);
        Assert.Empty(applied);
    }

    [Fact]
    public async Task Parent_codes_and_the_ten_digit_code_derive_from_the_village_code()
    {
        await db.ExecuteAsync(
            "INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES ($1, $2, 'desa', ST_Multi(ST_GeomFromText($3, 4326)))",
            "63.04.01.2901", "Desa 'Uji' Ñ", "POLYGON((114 -3,114.1 -3,114.1 -2.9,114 -2.9,114 -3))");
        Assert.Equal("6304012901", await db.ScalarAsync<string>("SELECT kode10 FROM desagis.desa WHERE kode = $1", "63.04.01.2901"));
        Assert.Equal("63.04.01", await db.ScalarAsync<string>("SELECT kecamatan_kode FROM desagis.desa WHERE kode = $1", "63.04.01.2901"));
        Assert.Equal(3857, await db.ScalarAsync<int>("SELECT ST_SRID(geom_3857) FROM desagis.desa WHERE kode = $1", "63.04.01.2901"));
    }

    [Fact]
    public async Task A_malformed_code_is_refused_by_the_schema()
    {
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.ExecuteAsync("INSERT INTO desagis.desa (kode, nama, jenis) VALUES ($1, 'x', 'desa')", "63.04.1.2001"));
    }
}
