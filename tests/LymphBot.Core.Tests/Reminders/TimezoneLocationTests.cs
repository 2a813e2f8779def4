using LymphBot.Core.Chat;
using LymphBot.Core.Reminders;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>
/// /timezone from a shared location: the zones of the nearest zone.tab places come back as buttons with the time in
/// each, and only the member's press saves one, as /timezone &lt;zone&gt; saves it.
/// </summary>
public sealed class TimezoneLocationTests
{
    [Theory]
    [InlineData(52.52, 13.405, "Europe/Berlin")]
    [InlineData(40.7128, -74.006, "America/New_York")]
    [InlineData(22.5726, 88.3639, "Asia/Kolkata")]
    [InlineData(-33.8688, 151.2093, "Australia/Sydney")]
    [InlineData(48.8566, 2.3522, "Europe/Paris")]
    public async Task ShareLocation_InADirectChat_OffersTheNearestZonesFirstWithTheirTime_AndThePressSavesIt(double latitude, double longitude, string zone)
    {
        using var chat = ReminderBot.Create();

        var offer = await chat.ShareLocation(latitude, longitude).ExpectReply(r => r.StartsWith("Which of these is your time now?", StringComparison.Ordinal));

        Assert.Equal(TimezoneCommand.OfferedZones, offer.Buttons.Count);
        Assert.EndsWith($" · {zone}", offer.Buttons[0][0].Label, StringComparison.Ordinal);
        Assert.Null(await chat.Users.FindAsync(chat.Member, CancellationToken.None));

        var saved = await chat.Press(offer.Buttons[0][0].Data).ExpectReply(r => r.StartsWith($"Saved: your time zone is {zone}, where it's ", StringComparison.Ordinal));
        Assert.True(saved.ReplacesPressedMessage);
        Assert.Equal(zone, (await chat.Users.FindAsync(chat.Member, CancellationToken.None))?.TimeZone);
        await chat.Send("/timezone").ExpectReply(r => r == $"Your time zone is {zone}.");
        await chat.Remind("/remind 8:00").ExpectReplyContaining($"every day at 08:00 ({zone}).");
    }

    [Fact]
    public async Task ShareLocation_NearerANeighboursCity_TheRightZoneIsOffered_WithTheClockThatTellsThemApart()
    {
        using var chat = ReminderBot.Create();

        // Mumbai at 08:00 UTC: Karachi's zone.tab place is nearer than Kolkata's, and Karachi's clock is half an hour
        // behind. Saving the nearest would make every reminder 30 minutes late; the member picks by the time shown.
        var offer = await chat.ShareLocation(19.076, 72.8777).ExpectReplyContaining("Which of these is your time now?");
        var labels = offer.Buttons.Select(row => row[0].Label).ToList();
        Assert.Equal("13:00 · Asia/Karachi", labels[0]);
        Assert.Contains("13:30 · Asia/Kolkata", labels);

        await chat.Press(offer.Button("13:30 · Asia/Kolkata").Data).ExpectReplyContaining("Saved: your time zone is Asia/Kolkata, where it's 13:30 now.");
        Assert.Equal("Asia/Kolkata", (await chat.Users.FindAsync(chat.Member, CancellationToken.None))?.TimeZone);
    }

    [Fact]
    public async Task ShareLocation_InAGroup_IsIgnored_UnlessItAnswersTheBot_AndThenAnsweredPrivately()
    {
        using var group = ReminderBot.Create(ChatKind.Group);

        await group.ShareLocation(52.52, 13.405).ExpectSilence();
        Assert.Null(await group.Users.FindAsync(group.Member, CancellationToken.None));

        var reply = await group.ShareLocation(52.52, 13.405, addressesBot: true).ExpectReplyContaining("Which of these is your time now?");
        Assert.True(reply.Private);
    }

    [Fact]
    public async Task ZoneButton_PressedByAnotherMember_OrForged_SavesNothing_AndSaysSoInOneLine()
    {
        using var group = ReminderBot.Create(ChatKind.Group);
        var offer = await group.ShareLocation(52.52, 13.405, addressesBot: true).ExpectReplyContaining("Which of these is your time now?");
        var berlin = offer.Buttons[0][0].Data;

        await group.Other().Press(berlin).ExpectReply(r => r == "Those buttons are for the member who shared the location, so nothing changed. Send /timezone to set your own.");
        await group.Press(berlin.Replace("Europe/Berlin", "Mars/Olympus", StringComparison.Ordinal)).ExpectReplyContaining("That button doesn't work.");
        await group.Press("tz:").ExpectReplyContaining("That button doesn't work.");

        Assert.Null(await group.Users.FindAsync(group.Member, CancellationToken.None));
        Assert.Null(await group.Users.FindAsync(group.Other().Member, CancellationToken.None));
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(0, 181)]
    [InlineData(double.NaN, 0)]
    public async Task ShareLocation_NotAPlace_SavesNothing_AndSaysSoInOneLine(double latitude, double longitude)
    {
        using var chat = ReminderBot.Create();

        await chat.ShareLocation(latitude, longitude).ExpectReply(r => r == "I can't do anything with that location. Send /help to see what I can do.");

        Assert.Null(await chat.Users.FindAsync(chat.Member, CancellationToken.None));
    }

    [Fact]
    public async Task Timezone_Bare_WhereALocationCanBeShared_OffersTheButton_AndSavingTakesItAway()
    {
        using var chat = ReminderBot.Create().WithLocationSharing();

        var ask = await chat.Send("/timezone").ExpectReplyContaining("Or share your location with the button below");
        Assert.Equal(TimezoneCommand.ShareLocationLabel, ask.LocationRequest);

        var saved = await chat.Send("/timezone Europe/Berlin").ExpectReplyContaining("Saved: your time zone is Europe/Berlin.");
        Assert.True(saved.EndsLocationRequest);
        Assert.Null(saved.LocationRequest);

        var again = await chat.Send("/timezone").ExpectReply(r => r.StartsWith("Your time zone is Europe/Berlin. To change it,", StringComparison.Ordinal));
        Assert.Equal(TimezoneCommand.ShareLocationLabel, again.LocationRequest);
    }

    [Fact]
    public async Task Timezone_Bare_WhereNoLocationCanBeShared_OffersNoButton()
    {
        using var chat = ReminderBot.Create();

        var reply = await chat.Send("/timezone").ExpectReply(r => r == "You haven't saved a time zone yet. Save one with /timezone Europe/Berlin (any IANA name, or UTC).");

        Assert.Null(reply.LocationRequest);
        Assert.False(reply.EndsLocationRequest);
    }
}
