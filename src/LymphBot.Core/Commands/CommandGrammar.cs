using System.Text.RegularExpressions;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Commands;

/// <summary>
/// Reads a command's arguments against its <see cref="CommandSpec"/>. Every platform's input ends here as text in
/// declaration order (Discord's options are laid out that way), so one parser decides what is accepted everywhere.
/// </summary>
public static partial class CommandGrammar
{
    /// <summary>Values longer than this are cut in refusals: they are the member's text, repeated back.</summary>
    private const int ShownLength = 40;

    /// <summary>The longest word a <see cref="ParameterKind.Name"/> takes (a knowledge id is at most 40 characters).</summary>
    private const int MaxNameLength = 40;

    public static CommandParse Parse(CommandSpec spec, string arguments)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(arguments);
        var words = Words().Matches(arguments).Select(m => (m.Value, m.Index)).ToList();
        var name = $"/{spec.Name}";
        var parameters = spec.Parameters;
        string? subcommand = null;
        var next = 0;
        if (spec.Subcommands.Count > 0)
        {
            if (words.Count == 0)
            {
                return CommandParse.Success(new CommandInvocation(null, new Dictionary<string, object>(), arguments));
            }

            var named = spec.FindSubcommand(words[0].Value);
            var chosen = named ?? (spec.DefaultSubcommand is { } fallback ? spec.FindSubcommand(fallback) : null);
            if (chosen is null)
            {
                return CommandParse.Failure(
                    $"{name} has no \"{Shorten(words[0].Value)}\": use {Alternatives(spec.Subcommands.Select(s => $"{name} {s.Name}"))}. Send /help {spec.Name} for details.");
            }

            subcommand = chosen.Name;
            parameters = chosen.Parameters;
            next = named is null ? 0 : 1;
            name = $"{name} {chosen.Name}";
        }

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p];
            if (next >= words.Count)
            {
                if (parameter.Required)
                {
                    return CommandParse.Failure($"{name} needs {parameter.Placeholder}: {parameter.Accepts}. For example: {Example(spec, subcommand)}");
                }

                break;
            }

            var isLast = p == parameters.Count - 1;
            if (parameter.Kind == ParameterKind.Text && isLast)
            {
                values[parameter.Name] = arguments[words[next].Index..].Trim();
                next = words.Count;
                break;
            }

            if (parameter.Kind == ParameterKind.Schedule)
            {
                // A schedule is several words; it says itself what is wrong once it has read any of them.
                var schedule = ScheduleParser.ParseSchedule(arguments[words[next].Index..]);
                if (schedule.Request is { } request)
                {
                    var end = words[next].Index + schedule.Length;
                    values[parameter.Name] = request;
                    next = words.FindIndex(next, w => w.Index >= end) is var after and >= 0 ? after : words.Count;
                    continue;
                }

                if (!schedule.FailedAtStart)
                {
                    return CommandParse.Failure($"{name}: {schedule.Error}");
                }
            }

            if (!TryRead(parameter, words, ref next, out var value))
            {
                // An optional zone before more text (a reminder's label): a word that is not shaped like a zone starts
                // that text; one shaped like a zone but unknown is still answered as a wrong zone.
                if (!parameter.Required && !isLast && parameter.Kind == ParameterKind.TimeZone && !ScheduleWords.LooksLikeZone(words[next].Value))
                {
                    continue;
                }

                return CommandParse.Failure($"{name}: \"{Shorten(words[next].Value)}\" is not {parameter.Placeholder}, which takes {parameter.Accepts}. For example: {Example(spec, subcommand)}");
            }

            values[parameter.Name] = value;
        }

        if (next < words.Count)
        {
            var expected = parameters.Count == 0 ? "nothing after it" : string.Join(' ', parameters.Select(x => x.Placeholder));
            return CommandParse.Failure($"{name} takes {expected}; \"{Shorten(arguments[words[next].Index..].Trim())}\" is more than that. For example: {Example(spec, subcommand)}");
        }

        return CommandParse.Success(new CommandInvocation(subcommand, values, arguments));
    }

    private static bool TryRead(CommandParameter parameter, List<(string Value, int Index)> words, ref int next, out object value)
    {
        var word = words[next].Value;
        if (parameter.Keywords.FirstOrDefault(k => string.Equals(k, word, StringComparison.OrdinalIgnoreCase)) is { } keyword)
        {
            value = new CommandInvocation.Keyword(keyword);
            next++;
            return true;
        }

        switch (parameter.Kind)
        {
            case ParameterKind.Id or ParameterKind.Count when InputText.TryReadNumber(word, out var number) && number >= parameter.Min && number <= parameter.Max:
                value = number;
                next++;
                return true;
            case ParameterKind.TimeOfDay:
                // "8:30 pm" is one time in two words.
                if (next + 1 < words.Count && words[next + 1].Value.TrimEnd('.').ToLowerInvariant() is "am" or "pm" or "a.m" or "p.m"
                    && ReminderTime.TryParse($"{word} {words[next + 1].Value}", out var twoWords))
                {
                    value = twoWords;
                    next += 2;
                    return true;
                }

                if (ReminderTime.TryParse(word, out var time))
                {
                    value = time;
                    next++;
                    return true;
                }

                break;
            case ParameterKind.TimeZone when TimeZones.TryFind(word, out _, out var zoneId):
                value = zoneId;
                next++;
                return true;
            case ParameterKind.Choice when parameter.Choices.FirstOrDefault(c => string.Equals(c, word, StringComparison.OrdinalIgnoreCase)) is { } choice:
                value = choice;
                next++;
                return true;
            case ParameterKind.Text:
                value = word;
                next++;
                return true;
            case ParameterKind.Date when ScheduleWords.TryDate(ScheduleWords.Fold(word), out var date, out _):
                value = date;
                next++;
                return true;
            case ParameterKind.Name when word.Length <= MaxNameLength && word.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'):
                value = word.ToLowerInvariant();
                next++;
                return true;
        }

        value = string.Empty;
        return false;
    }

    private static string Example(CommandSpec spec, string? subcommand)
    {
        var prefix = subcommand is null ? $"/{spec.Name}" : $"/{spec.Name} {subcommand}";
        return spec.Examples.FirstOrDefault(e => e.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
            ?? (spec.Examples.Count > 0 ? spec.Examples[0] : prefix);
    }

    private static string Alternatives(IEnumerable<string> forms)
    {
        var list = forms.ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list.SkipLast(1))} or {list[^1]}";
    }

    private static string Shorten(string text) => text.Length > ShownLength ? text[..ShownLength] + "…" : text;

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();
}
