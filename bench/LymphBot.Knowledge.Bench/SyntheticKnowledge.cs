using System.Globalization;
using System.Text;

namespace LymphBot.Knowledge.Bench;

/// <summary>Writes a knowledge folder of N entries with realistic sizes: a title, six phrasings and a 3-sentence answer each.</summary>
public static class SyntheticKnowledge
{
    private static readonly string[] Words =
    [
        "lymph", "drainage", "swelling", "fluid", "pressure", "gentle", "rhythm", "circles", "pump", "stretch", "recovery",
        "athlete", "soreness", "sleep", "stress", "anxiety", "mood", "breathing", "therapist", "routine", "immune", "toxins",
        "mobility", "comfort", "surgery", "injury", "legs", "arms", "session", "evening", "morning", "water", "calm", "relax",
        "posture", "warmth", "skin", "touch", "sequence", "strokes", "wellness", "energy", "balance", "habit", "journal",
        "hydration", "walking", "yoga", "stretching", "massage", "technique", "practice", "beginner", "advanced", "tension",
    ];

    public static string Write(int entries, int seed = 42)
    {
        var random = new Random(seed);
        var folder = Path.Combine(Path.GetTempPath(), "lymphbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "entries"));
        File.WriteAllText(Path.Combine(folder, "sources.md"), "## doc\n- title: Synthetic Document\n- file: doc.txt\n- paragraphs: 10\n");
        File.WriteAllText(Path.Combine(folder, "red-flags.md"), "## urgent: Clots\n- blood clot\n- dvt\n\n## provider: Pregnancy\n- pregnan*\n");
        File.WriteAllText(Path.Combine(folder, "synonyms.txt"), "mld, lymph drainage, lymphatic drainage\npuffy, swollen, swelling\nsore, soreness, aches\n");
        var sb = new StringBuilder("# Synthetic\n\n");
        for (var i = 0; i < entries; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"## How does {Phrase(random, 4)} help number {i}?\n- id: entry-{i}\n");
            for (var p = 0; p < 6; p++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- also: {Phrase(random, 5)} variant {i} {p}\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"- related: entry-{(i + 1) % entries}\n- source: doc ¶{(i % 10) + 1}\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"{Sentence(random)} {Sentence(random)} {Sentence(random)}\n\n");
        }

        File.WriteAllText(Path.Combine(folder, "entries", "synthetic.md"), sb.ToString());
        return folder;
    }

    public static string Question(Random random) => random.Next(10) switch
    {
        < 6 => Phrase(random, 3 + random.Next(4)),
        < 8 => Typo(random, Phrase(random, 4)),
        _ => "what is the capital of " + Words[random.Next(Words.Length)] + "land",
    };

    private static string Phrase(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static string Sentence(Random random) => char.ToUpperInvariant(Phrase(random, 12)[0]) + Phrase(random, 12)[1..] + ".";

    private static string Typo(Random random, string text)
    {
        var chars = text.ToCharArray();
        var at = random.Next(chars.Length - 1);
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }
}
