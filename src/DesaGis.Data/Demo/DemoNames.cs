namespace DesaGis.Data.Demo;

/// <summary>
/// Indonesian-style place names composed from syllables and the words that recur in village names of Kalimantan
/// and of transmigration settlements (Sungai …, Tanjung …, … Jaya, Sido…, Suka…). None is meant to be a real place.
/// </summary>
public static class DemoNames
{
    private static readonly string[] Onsets =
    [
        "ba", "bu", "ka", "ke", "la", "lu", "ma", "me", "pa", "pu", "ra", "ru", "sa", "se", "si", "ta", "tu", "nga",
        "ja", "ga", "da", "ha", "wa", "ti", "li", "mu", "nu", "so", "bo", "ko", "pi", "ri", "tam", "ban", "sem", "ker",
    ];

    private static readonly string[] Codas =
    [
        "ngan", "pang", "rau", "mak", "nut", "yan", "tan", "lung", "bai", "rit", "dang", "kut", "wan", "sam", "ling",
        "kau", "pin", "ran", "bang", "duk", "lai", "num", "tok", "jang", "rong", "sap", "bun", "kan", "tai", "long",
        "mas", "ras", "hing", "beng", "ndu", "gau",
    ];

    private static readonly string[] Prefixes =
    [
        "Sungai", "Tanjung", "Karang", "Teluk", "Muara", "Batu", "Bukit", "Lubuk", "Pulau", "Danau", "Padang", "Tanah",
        "Air", "Sei", "Ujung", "Parit", "Simpang", "Kuala", "Rantau", "Pematang", "Kampung", "Tabuk",
    ];

    private static readonly string[] Suffixes =
    [
        "Jaya", "Baru", "Makmur", "Indah", "Hilir", "Hulu", "Raya", "Permai", "Sejahtera", "Lestari", "Mulya", "Sari",
        "Tengah", "Seberang", "Dalam", "Luar", "Asri", "Mandiri", "Abadi", "Lama", "Harapan",
    ];

    private static readonly string[] Javanese =
    [
        "Sidomulyo", "Sidorejo", "Sidomakmur", "Sidodadi", "Sidoharjo", "Sidoluhur", "Sidomukti", "Sukamaju",
        "Sukadamai", "Sukaramai", "Sukajadi", "Sukamulya", "Sukabumi", "Sukarahmat", "Sukamakmur", "Sukakarya",
        "Purwosari", "Purworejo", "Purwodadi", "Margomulyo", "Margorejo", "Margotani", "Mekar Sari", "Mekar Jaya",
        "Karya Tani", "Karya Bakti", "Karya Maju", "Bumi Harapan", "Bumi Rejo", "Bumi Makmur", "Tri Mulya",
        "Wonorejo", "Wonosari", "Rejosari", "Tegal Sari", "Srimulyo", "Harapan Jaya", "Tunas Baru",
    ];

    private static readonly string[] Directions = ["Utara", "Selatan", "Timur", "Barat", "Tengah", "Hilir", "Hulu"];

    private static readonly string[] RomanNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

    /// <summary>A two- or three-syllable root such as "Balungan" or "Serau".</summary>
    public static string Root(DemoRandom rng)
    {
        var word = rng.Pick(Onsets) + (rng.Chance(0.45) ? rng.Pick(Onsets) : "") + rng.Pick(Codas);
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    /// <summary>A village name; settlement-style (Javanese) names are likelier in transmigration-era villages.</summary>
    public static string Village(DemoRandom rng, double settlementBias)
    {
        double u = rng.NextDouble();
        if (u < 0.12 + 0.3 * settlementBias) return rng.Pick(Javanese) + (rng.Chance(0.25) ? " " + rng.Pick(RomanNumerals[..4]) : "");
        if (u < 0.55) return rng.Pick(Prefixes) + " " + Root(rng) + (rng.Chance(0.15) ? " " + rng.Pick(Suffixes) : "");
        if (u < 0.85) return Root(rng) + " " + rng.Pick(Suffixes);
        return Root(rng);
    }

    /// <summary>A kecamatan name: a root, sometimes with a direction (kecamatan are often split as "… Utara").</summary>
    public static string Kecamatan(DemoRandom rng)
    {
        double u = rng.NextDouble();
        if (u < 0.3) return Root(rng) + " " + rng.Pick(Directions);
        if (u < 0.55) return rng.Pick(Prefixes) + " " + Root(rng);
        return Root(rng);
    }

    /// <summary>A kabupaten's own name, without the "Kabupaten" word.</summary>
    public static string Kabupaten(DemoRandom rng)
    {
        double u = rng.NextDouble();
        if (u < 0.3) return Root(rng) + " " + rng.Pick(["Raya", "Timur", "Barat", "Utara", "Selatan", "Tengah", "Hulu", "Kuala"]);
        if (u < 0.5) return rng.Pick(["Tanah", "Muara", "Sungai", "Tanjung", "Pulau"]) + " " + Root(rng);
        return Root(rng);
    }

    private static readonly string[] MenGiven =
    [
        "Slamet", "Budi", "Agus", "Joko", "Sugeng", "Bambang", "Wahyu", "Ahmad", "Rahmat", "Hendra", "Dedi", "Yusuf",
        "Supri", "Darmawan", "Suparman", "Mulyadi", "Hasan", "Ilham", "Rudi", "Sutrisno", "Asep", "Iwan", "Syamsul", "Jumadi",
    ];

    private static readonly string[] WomenGiven =
    [
        "Siti", "Sri", "Nur", "Dewi", "Aminah", "Sumiati", "Suharti", "Rina", "Yanti", "Wati", "Fatimah", "Rohani",
        "Masitah", "Ningsih", "Juariah", "Halimah", "Rusmini", "Sulastri", "Erna", "Ratna", "Yuliana", "Murni",
    ];

    private static readonly string[] SecondNames =
    [
        "Santoso", "Riyadi", "Hidayat", "Wibowo", "Saputra", "Rahmawati", "Lestari", "Purnomo", "Setiawan", "Kurniasih",
        "Hartono", "Susanti", "Nurhayati", "Prasetyo", "Haryanto", "Maulana", "Utami", "Syahputra",
    ];

    /// <summary>
    /// An invented head of household, "Bapak …" or "Ibu …" with one or two common given names and the "(sintetis)"
    /// mark, so that nobody reading the restricted layer could take the record for a real person.
    /// </summary>
    public static string HeadOfHousehold(DemoRandom rng)
    {
        // About a quarter of extreme-poor households are headed by women (widows, migrant husbands).
        bool woman = rng.Chance(0.27);
        var given = rng.Pick(woman ? WomenGiven : MenGiven);
        var second = rng.Chance(0.6) ? " " + rng.Pick(SecondNames) : "";
        return $"{(woman ? "Ibu" : "Bapak")} {given}{second} (sintetis)";
    }

    /// <summary>A name not yet in <paramref name="taken"/> (adds it), made by <paramref name="make"/>.</summary>
    public static string Unique(HashSet<string> taken, Func<string> make)
    {
        for (int i = 0; i < 40; i++)
        {
            var name = make();
            if (taken.Add(name)) return name;
        }
        var baseName = make();
        for (int n = 2; ; n++)
        {
            var name = $"{baseName} {n}";
            if (taken.Add(name)) return name;
        }
    }
}
