namespace LymphBot.Cli;

/// <summary>
/// Parses <c>lymphbot [run|ask|kb] [options]</c>. Options of the form <c>--Section:Key=value</c> override
/// configuration for any verb; each verb accepts its own flags and nothing else.
/// </summary>
public static class CliParser
{
    private static readonly Dictionary<CliVerb, string[]> VerbFlags = new()
    {
        [CliVerb.Run] = [],
        [CliVerb.Ask] = ["--json"],
        [CliVerb.Kb] = ["--verbose"],
        [CliVerb.Probe] = [],
    };

    public static CliInvocation Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = CliVerb.Run;
        var start = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            if (!TryParseVerb(args[0], out verb))
            {
                return Fail($"unknown command '{args[0]}'. Commands: run, ask, kb, probe. Try 'lymphbot --help'.");
            }

            start = 1;
        }

        var arguments = new List<string>();
        var configuration = new List<string>();
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return new CliInvocation(CliVerb.Help, [], []);
            }

            if (arg == "--")
            {
                arguments.AddRange(args.Skip(i + 1));
                break;
            }

            if (IsConfigurationOverride(arg))
            {
                configuration.Add(arg);
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                if (!VerbFlags[verb].Contains(arg, StringComparer.Ordinal))
                {
                    return Fail($"unknown option '{arg}' for '{verb.ToString().ToLowerInvariant()}'. Try 'lymphbot --help'.");
                }

                arguments.Add(arg);
            }
            else
            {
                arguments.Add(arg);
            }
        }

        var positional = arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var verbose = arguments.Contains("--verbose", StringComparer.Ordinal);
        if (verb == CliVerb.Kb && (positional is not (["check"] or ["eval", _] or ["export"]) || (verbose && positional is not ["eval", _])))
        {
            return Fail("usage: lymphbot kb check | lymphbot kb eval FILE.tsv [--verbose] | lymphbot kb export");
        }

        if (verb == CliVerb.Run && arguments.Count > 0)
        {
            return Fail($"'run' takes no arguments, got '{arguments[0]}'. Try 'lymphbot --help'.");
        }

        return new CliInvocation(verb, arguments, configuration);
    }

    private static bool TryParseVerb(string text, out CliVerb verb)
    {
        verb = text switch
        {
            "run" => CliVerb.Run,
            "ask" => CliVerb.Ask,
            "kb" => CliVerb.Kb,
            "probe" => CliVerb.Probe,
            "help" => CliVerb.Help,
            _ => (CliVerb)(-1),
        };
        return Enum.IsDefined(verb);
    }

    // "--Storage:Provider=Postgres" or "--Console:Enabled=true": a section, a colon, a key, an equals sign.
    private static bool IsConfigurationOverride(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal)
        && arg.IndexOf(':', StringComparison.Ordinal) < arg.IndexOf('=', StringComparison.Ordinal);

    private static CliInvocation Fail(string error) => new(CliVerb.Help, [], []) { Error = error };
}
