namespace DesaGis.Data.Demo;

/// <summary>What to generate: the seed fixes every value; the village count sets the scale.</summary>
public sealed record DemoOptions(int Seed = 1, int Villages = DemoOptions.DefaultVillages)
{
    /// <summary>The checked-in demo dataset's size.</summary>
    public const int DefaultVillages = 320;

    /// <summary>Below this a kabupaten could not get a handful of kecamatan.</summary>
    public const int MinVillages = 40;

    /// <summary>Above Indonesia's count with room to spare; beyond it the synthetic provinces would overlap.</summary>
    public const int MaxVillages = 150_000;

    /// <summary>Throws when the options cannot produce a dataset.</summary>
    public void Validate()
    {
        if (Villages < MinVillages || Villages > MaxVillages)
            throw new ArgumentOutOfRangeException(nameof(Villages), Villages,
                $"The number of villages must be between {MinVillages} and {MaxVillages}.");
    }
}
