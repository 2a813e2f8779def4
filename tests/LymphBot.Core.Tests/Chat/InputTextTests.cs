using LymphBot.Core.Chat;

namespace LymphBot.Core.Tests.Chat;

public sealed class InputTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("  hello  ", "hello")]
    [InlineData("a\r\n\r\nb\tc", "a b c")]
    [InlineData("zero\u200Bwidth\u202Ebidi", "zerowidthbidi")]
    [InlineData("bell\u0007 here", "bell here")]
    [InlineData("emoji 👍 stays", "emoji 👍 stays")]
    public void Clean_RemovesControlAndFormatCharacters(string? input, string expected)
    {
        Assert.Equal(expected, InputText.Clean(input));
    }

    [Fact]
    public void Clean_LoneSurrogate_IsDropped()
    {
        Assert.Equal("ab", InputText.Clean("a\uD800b"));
    }
}
