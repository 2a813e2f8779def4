using LymphBot.Core.Commands;

namespace LymphBot.Core.Tests.Commands;

public sealed class CommandGrammarTests
{
    private static readonly CommandSpec Remind = new("remind", "Remind me")
    {
        Subcommands =
        [
            new Subcommand("add", "Add", [new CommandParameter("time", ParameterKind.TimeOfDay, "When"), new CommandParameter("zone", ParameterKind.TimeZone, "Zone") { Required = false }]),
            new Subcommand("off", "Remove", [new CommandParameter("reminder", ParameterKind.Id, "Which") { Keywords = ["all"] }]),
            new Subcommand("pause", "Pause", [new CommandParameter("reminder", ParameterKind.Id, "Which"), new CommandParameter("days", ParameterKind.Count, "Days") { Required = false, Max = 365 }]),
        ],
        DefaultSubcommand = "add",
        Examples = ["/remind 8:00 Europe/Berlin", "/remind pause 3 7"],
    };

    private static readonly CommandSpec Ask = new("ask", "Ask") { Parameters = [new CommandParameter("question", ParameterKind.Text, "Your question")] };

    [Theory]
    [InlineData("8:30 pm europe/berlin", "add", "20:30", "Europe/Berlin")]
    [InlineData("add 7am", "add", "07:00", null)]
    [InlineData("ADD 20:30 UTC", "add", "20:30", "UTC")]
    public void Parse_TimeAndZone_AreReadToCanonicalValues_WithTheDefaultSubcommandImplied(string arguments, string subcommand, string time, string? zone)
    {
        var invocation = Parsed(Remind, arguments);

        Assert.Equal(subcommand, invocation.Subcommand);
        Assert.Equal(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), invocation.GetTime("time"));
        Assert.Equal(zone, invocation.GetText("zone"));
    }

    [Fact]
    public void Parse_IdsCountsAndKeywords_AreTyped()
    {
        var pause = Parsed(Remind, "pause #3 7");
        var off = Parsed(Remind, "off ALL");

        Assert.Equal((3L, 7L), (pause.GetNumber("reminder"), pause.GetNumber("days")));
        Assert.Equal(("all", (long?)null), (off.GetKeyword("reminder"), off.GetNumber("reminder")));
    }

    [Fact]
    public void Parse_LastTextParameter_TakesTheRestOfTheLineAsTyped()
    {
        Assert.Equal("does it  help?", Parsed(Ask, "does it  help?  ").GetText("question"));
        Assert.Equal("does it  help?", Parsed(Ask, "  does it  help?").GetText("question"));
    }

    [Fact]
    public void Parse_BareCommandWithSubcommands_IsPassedOnBare()
    {
        Assert.True(Parsed(Remind, string.Empty).IsBare);
    }

    [Theory]
    [InlineData("pause", "/remind pause needs <reminder>: a number such as 3. For example: /remind pause 3 7")]
    [InlineData("pause x", "/remind pause: \"x\" is not <reminder>, which takes a number such as 3. For example: /remind pause 3 7")]
    [InlineData("pause 3 400", "/remind pause: \"400\" is not [days], which takes a whole number from 1 to 365.")]
    [InlineData("pause 0", "\"0\" is not <reminder>")]
    [InlineData("8:00 Mars/Olympus", "/remind add: \"Mars/Olympus\" is not [zone], which takes a time zone such as Europe/Berlin")]
    [InlineData("8:00 UTC and more", "/remind add takes <time> [zone]; \"and more\" is more than that.")]
    [InlineData("off", "/remind off needs <reminder|all>: a number such as 3, or all.")]
    public void Parse_BadInput_OneLineNamingTheParameterAndWhatItTakes(string arguments, string expected)
    {
        var parse = CommandGrammar.Parse(Remind, arguments);

        Assert.Null(parse.Invocation);
        Assert.Contains(expected, parse.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', parse.Error!);
    }

    [Fact]
    public void Parse_UnknownSubcommandWithoutDefault_ListsTheSubcommands()
    {
        var tips = new CommandSpec("tips", "Tips") { Subcommands = [new Subcommand("daily", "Daily", []), new Subcommand("off", "Off", [])] };

        Assert.Equal("/tips has no \"weekly\": use /tips daily or /tips off. Send /help tips for details.", CommandGrammar.Parse(tips, "weekly 9:00").Error);
    }

    [Fact]
    public void Parse_LongBadValue_IsCutInTheReply()
    {
        var error = CommandGrammar.Parse(Remind, "pause " + new string('x', 500)).Error!;

        Assert.True(error.Length < 200, error);
    }

    [Fact]
    public void UsageLines_ShowEachFormWithRequiredAndOptionalParameters()
    {
        Assert.Equal(["/remind add <time> [zone]", "/remind off <reminder|all>", "/remind pause <reminder> [days]"], Remind.UsageLines);
        Assert.Equal("/remind add|off|pause", Remind.Usage);
        Assert.Equal("/ask <question>", Ask.Usage);
    }

    private static CommandInvocation Parsed(CommandSpec spec, string arguments)
    {
        var parse = CommandGrammar.Parse(spec, arguments);
        Assert.True(parse.Invocation is not null, parse.Error);
        return parse.Invocation;
    }
}
