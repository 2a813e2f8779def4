using LymphBot.Core.Commands;

namespace LymphBot.Core.Tests.Commands;

public sealed class CommandTextTests
{
    [Theory]
    [InlineData("/ask", "ask", null, "")]
    [InlineData("/Ask@LymphBot what is it", "ask", "LymphBot", "what is it")]
    [InlineData("/remind   8:00   Europe/Berlin ", "remind", null, "8:00   Europe/Berlin")]
    [InlineData("/help@", "help", null, "")]
    public void Parse_SplitsNameTargetAndArguments(string text, string name, string? target, string arguments)
    {
        Assert.Equal(new CommandText(name, target, arguments), CommandText.Parse(text));
    }
}
