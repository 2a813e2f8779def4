using LymphBot.Core.Chat;
using LymphBot.Core.Reminders;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>/timezone from a shared location: the nearest zone.tab place names the zone, saved as /timezone &lt;zone&gt; saves it.</summary>
public sealed class TimezoneLocationTests
{
    [Theory]
    [InlineData(52.52, 13.405, "Europe/Berlin")]
    [InlineData(40.7128, -74.006, "America/New_York")]
    [InlineData(22.5726, 88.3639, "Asia/Kolkata")]
    [InlineData(-33.8688, 151.2093, "Australia/Sydney")]
    [InlineData(48.8566, 2.3522, "Europe/Paris")]
    public async Task ShareLocation_InADirectChat_SavesTheNearestZone_AndSaysHowToChangeIt(double latitude, double longitude, string zone)
    {
        using var chat = ReminderBot.Create();

        var reply = await chat.ShareLocation(latitude, longitude).ExpectReply(r =>
            r.StartsWith($"Saved: your time zone is {zone}, where it's ", StringComparison.Ordinal)
            && r.Contains("the nearest place in the time zone database", StringComparison.Ordinal)
            && r.Contains("send /timezone <zone> (nearby: ", StringComparison.Ordinal));

        Assert.True(reply.EndsLocationRequest);
        Assert.Equal(zone, (await chat.Users.FindAsync(chat.Member, CancellationToken.None))?.TimeZone);
        await chat.Send("/timezone").ExpectReply(r => r == $"Your time zone is {zone}.");
        await chat.Send("/remind 8:00").ExpectReplyContaining($"every day at 08:00 {zone}.");
    }

    [Fact]
    public async Task ShareLocation_FarFromItsZonesCity_SavesTheNearest_ShowsItsTime_AndNamesTheLikelyOnes()
    {
        using var chat = ReminderBot.Create();

        // Mumbai at 08:00 UTC: Karachi's zone.tab place is nearer than Kolkata's, so the guess is wrong by half an hour,
        // which the clock in the reply shows; the right zone is among those named.
        await chat.ShareLocation(19.076, 72.8777).ExpectReply(r =>
            r.StartsWith("Saved: your time zone is Asia/Karachi, where it's 13:00 now.", StringComparison.Ordinal)
            && r.Contains("Asia/Kolkata", StringComparison.Ordinal));
        await chat.Send("/timezone Asia/Kolkata").ExpectReplyContaining("Saved: your time zone is Asia/Kolkata.");
    }

    [Fact]
    public async Task ShareLocation_InAGroup_IsIgnored_UnlessItAnswersTheBot()
    {
        using var group = ReminderBot.Create(ChatKind.Group);

        await group.ShareLocation(52.52, 13.405).ExpectSilence();
        Assert.Null(await group.Users.FindAsync(group.Member, CancellationToken.None));

        var reply = await group.ShareLocation(52.52, 13.405, addressesBot: true).ExpectReplyContaining("Saved: your time zone is Europe/Berlin");
        Assert.True(reply.Private);
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
