using LymphBot.Cli;

namespace LymphBot.Tests.Cli;

public sealed class CliParserTests
{
    [Fact]
    public void Parse_NoArguments_IsRun()
    {
        var invocation = CliParser.Parse([]);

        Assert.Equal(CliVerb.Run, invocation.Verb);
        Assert.Null(invocation.Error);
    }

    [Fact]
    public void Parse_ConfigurationOverrides_AreSeparatedFromArguments()
    {
        var invocation = CliParser.Parse(["ask", "--json", "--Storage:Provider=Postgres", "what is it"]);

        Assert.Equal(CliVerb.Ask, invocation.Verb);
        Assert.Equal(["--json", "what is it"], invocation.Arguments);
        Assert.Equal(["--Storage:Provider=Postgres"], invocation.ConfigurationArguments);
        Assert.True(invocation.HasFlag("--json"));
        Assert.Equal(["what is it"], invocation.Positional);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("run", "--help")]
    [InlineData("help")]
    public void Parse_Help_IsHelp(params string[] args)
    {
        Assert.Equal(CliVerb.Help, CliParser.Parse(args).Verb);
    }

    [Theory]
    [InlineData("unknown command 'frobnicate'", "frobnicate")]
    [InlineData("unknown option '--verbose' for 'run'", "--verbose")]
    [InlineData("unknown option '--json' for 'run'", "run", "--json")]
    [InlineData("'run' takes no arguments", "run", "extra")]
    public void Parse_BadCommandLine_HasOneLineError(string expected, params string[] args)
    {
        var error = CliParser.Parse(args).Error;

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }
}
