using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

public sealed class ReminderTimeTests
{
    [Theory]
    [InlineData("8:00", 8, 0)]
    [InlineData("08:00", 8, 0)]
    [InlineData("8am", 8, 0)]
    [InlineData("8 AM", 8, 0)]
    [InlineData("8:30 pm", 20, 30)]
    [InlineData("8:30pm", 20, 30)]
    [InlineData("12am", 0, 0)]
    [InlineData("12pm", 12, 0)]
    [InlineData("20:30", 20, 30)]
    [InlineData("7.15", 7, 15)]
    [InlineData("0:00", 0, 0)]
    [InlineData("８:００", 8, 0)]
    [InlineData("２０：３０", 20, 30)]
    [InlineData("٨:٠٠", 8, 0)]
    [InlineData("۲۰:۳۰", 20, 30)]
    [InlineData("८:१५", 8, 15)]
    [InlineData("８ａｍ", 8, 0)]
    public void TryParse_CommonForms_Parse(string text, int hour, int minute)
    {
        Assert.True(ReminderTime.TryParse(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("25:61")]
    [InlineData("24:00")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("8")]
    [InlineData("")]
    [InlineData("every tuesday-ish")]
    [InlineData("8:5")]
    [InlineData("-1:00")]
    [InlineData("٢٥:٠٠")]
    public void TryParse_Invalid_Fails(string text)
    {
        Assert.False(ReminderTime.TryParse(text, out _));
    }
}
