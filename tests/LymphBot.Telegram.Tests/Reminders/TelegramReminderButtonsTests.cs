using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;
using LymphBot.Testing;
using LymphBot.Testing.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Telegram.Tests.Reminders;

/// <summary>
/// Reminders by buttons on Telegram, through the real client and adapter against the stand-in: a press edits the
/// message it was pressed on (editMessageText with the new inline keyboard), and a shared location names the zone.
/// </summary>
public sealed class TelegramReminderButtonsTests : StandInConversation
{
    private const long Ada = 7001;

    private InMemoryReminderStore Store => Bot.App.Services.GetRequiredService<InMemoryReminderStore>();

    [Fact]
    public async Task Reminders_PressPause_EditsTheListInPlace_AndPostsNothingNew()
    {
        var list = await ListOneReminderAsync();
        Assert.Equal(["rml:pause:1", "rml:off:1"], CallbackData(list));

        var edit = await PressAsync(list, "rml:pause:1");

        Assert.Equal(list.MessageId, edit.Body["message_id"]?.GetValue<int>());
        Assert.Contains("#1  08:00 Europe/Berlin — paused", edit.Text, StringComparison.Ordinal);
        Assert.Equal(["rml:resume:1", "rml:off:1"], CallbackData(edit));
        Assert.Equal("HTML", edit.Body["parse_mode"]?.ToString(), ignoreCase: true);
        Assert.Equal(ReminderState.Paused, Assert.Single(Store.All).State);
        Assert.Single(StandIn.Calls("answerCallbackQuery"));
        await AssertNothingElseSentAsync(sentBefore: 1);
    }

    [Fact]
    public async Task Reminders_PressRemoveOfTheLast_EditsToNoReminders_AndRemovesTheButtons()
    {
        var list = await ListOneReminderAsync();

        var edit = await PressAsync(list, "rml:off:1");

        Assert.StartsWith("Removed reminder #1", edit.Text, StringComparison.Ordinal);
        Assert.Null(edit.Body["reply_markup"]);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Press_MessageTooOldToEdit_SendsTheListAsANewMessage_Once()
    {
        var list = await ListOneReminderAsync();
        StandIn.Fail("editMessageText", StandInFailure.CantBeEdited());

        StandIn.EnqueueUpdate(TestUpdates.Callback(Ada, Ada, "rml:pause:1", list.MessageId!.Value));
        await UntilAsync(s => s.Sent(Ada).Count == 2);

        Assert.Single(StandIn.Calls("editMessageText"));
        Assert.Contains("#1  08:00 Europe/Berlin — paused", StandIn.Sent(Ada)[1].Text, StringComparison.Ordinal);
        Assert.Equal(["rml:resume:1", "rml:off:1"], CallbackData(StandIn.Sent(Ada)[1]));
    }

    [Fact]
    public async Task Press_EditWouldChangeNothing_CountsAsDone_WithoutANewMessage()
    {
        var list = await ListOneReminderAsync();
        StandIn.Fail("editMessageText", StandInFailure.NotModified());

        await PressAsync(list, "rml:pause:1");

        Assert.Single(StandIn.Calls("editMessageText"));
        await AssertNothingElseSentAsync(sentBefore: 1);
    }

    [Fact]
    public async Task Press_SomeoneElsesReminderInAGroup_ChangesNothing_AndAnswersWithOneNewLine()
    {
        const long group = -100_7001;
        StandIn.EnqueueUpdate(TestUpdates.GroupText(group, Ada, $"/remind@{TelegramStandIn.BotUsername} 8:00 UTC"));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(group, Ada, $"/reminders@{TelegramStandIn.BotUsername}"));
        await UntilAsync(s => s.Sent(group).Count == 2);

        StandIn.EnqueueUpdate(TestUpdates.Callback(group, 7002, "rml:off:1", StandIn.Sent(group)[1].MessageId!.Value));
        await UntilAsync(s => s.Sent(group).Count == 3);

        Assert.Equal("Reminder #1 isn't one of yours (or no longer exists), so nothing changed. Send /reminders to see yours.", StandIn.Sent(group)[2].Text);
        Assert.Empty(StandIn.Calls("editMessageText"));
        Assert.Single(Store.All);
    }

    [Fact]
    public async Task Remind_Bare_PickTimeThenZone_EditsThePickerIntoTheConfirmation_AndASecondPressAddsNothing()
    {
        var picker = await SayAsync("/remind");
        var times = CallbackData(picker);
        Assert.Equal(7, times.Count);
        Assert.All(times, d => Assert.True(Encoding.UTF8.GetByteCount(d) <= ReplyButton.MaxDataBytes));

        var zones = await PressAsync(picker, times[1]);
        Assert.Contains("Every day at 08:00: in which time zone?", zones.Text, StringComparison.Ordinal);
        var berlin = CallbackData(zones).Single(d => d.EndsWith(":Europe/Berlin", StringComparison.Ordinal));

        var done = await PressAsync(picker, berlin);
        var again = await PressAsync(picker, berlin);

        // The next times are date-time entities, so the confirmation goes as text with entities rather than HTML.
        Assert.StartsWith("Done! Reminder #1: every day at 08:00 Europe/Berlin.", done.Text, StringComparison.Ordinal);
        var entities = done.Body["entities"]!.AsArray();
        Assert.Equal("bold", entities[0]?["type"]?.ToString());
        Assert.Equal(3, entities.Count(e => e?["type"]?.ToString() == "date_time"));
        Assert.Equal("You already have reminder #1 at 08:00 Europe/Berlin. Nothing changed.", again.Text);
        Assert.All(StandIn.Calls("editMessageText"), e => Assert.Equal(picker.MessageId, e.Body["message_id"]?.GetValue<int>()));
        Assert.Equal((new TimeOnly(8, 0), "Europe/Berlin"), (Assert.Single(Store.All).LocalTime, Store.All[0].TimeZone));
        await AssertNothingElseSentAsync(sentBefore: 1);
    }

    [Fact]
    public async Task Timezone_InAPrivateChat_OffersALocationButton_ASharedLocationOffersZones_AndThePressSavesOne()
    {
        var ask = await SayAsync("/timezone");
        var button = ask.Body["reply_markup"]?["keyboard"]?[0]?[0];
        Assert.Equal(TimezoneCommand.ShareLocationLabel, button?["text"]?.ToString());
        Assert.True(button?["request_location"]?.GetValue<bool>());
        Assert.True(ask.Body["reply_markup"]?["one_time_keyboard"]?.GetValue<bool>());

        StandIn.EnqueueUpdate(TestUpdates.Location(Ada, Ada, 52.52, 13.405));
        await UntilAsync(s => s.Sent(Ada).Count == 2);

        var offer = StandIn.Sent(Ada)[1];
        Assert.StartsWith("Which of these is your time now?", offer.Text, StringComparison.Ordinal);
        var zones = CallbackData(offer);
        Assert.Equal(TimezoneCommand.OfferedZones, zones.Count);
        Assert.All(zones, d => Assert.True(Encoding.UTF8.GetByteCount(d) <= ReplyButton.MaxDataBytes));
        Assert.EndsWith(":Europe/Berlin", zones[0], StringComparison.Ordinal);

        var saved = await PressAsync(offer, zones[0]);
        Assert.StartsWith("Saved: your time zone is Europe/Berlin, where it's ", saved.Text, StringComparison.Ordinal);
        Assert.Equal(offer.MessageId, Assert.Single(StandIn.Calls("editMessageText")).Body["message_id"]?.GetValue<int>());
        var preview = await SayAsync("/remind 9:00");
        Assert.StartsWith("Every day at 09:00 (Europe/Berlin)\nNext:", preview.Text, StringComparison.Ordinal);
        var stored = await PressAsync(preview, CallbackData(preview)[0]);
        Assert.Equal(preview.MessageId, stored.Body["message_id"]?.GetValue<int>());
        Assert.StartsWith("Saved! Reminder #1: every day at 09:00 (Europe/Berlin).", stored.Text, StringComparison.Ordinal);
        Assert.Equal(ReminderState.Active, Assert.Single(Store.All).State);
    }

    [Fact]
    public async Task Location_InAGroup_IsIgnored_UnlessItRepliesToTheBot_AndTimezoneThereOffersNoLocationButton()
    {
        const long group = -100_7002;
        StandIn.EnqueueUpdate(TestUpdates.Location(group, Ada, 52.52, 13.405));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(group, Ada, $"/timezone@{TelegramStandIn.BotUsername}"));
        await UntilAsync(s => s.Sent(group).Count == 1);

        var first = StandIn.Sent(group)[0];
        Assert.StartsWith("You haven't saved a time zone yet.", first.Text, StringComparison.Ordinal);
        Assert.Null(first.Body["reply_markup"]);

        StandIn.EnqueueUpdate(TestUpdates.Location(group, Ada, 40.7128, -74.006, replyToBot: true));
        await UntilAsync(s => s.Sent(group).Count == 2);
        Assert.StartsWith("Which of these is your time now?", StandIn.Sent(group)[1].Text, StringComparison.Ordinal);
        Assert.EndsWith(":America/New_York", CallbackData(StandIn.Sent(group)[1])[0], StringComparison.Ordinal);
    }

    protected override void AddServices(IServiceCollection services)
    {
        services.AddInMemoryStores();
        services.AddScheduling();
        services.AddReminders();
    }

    private static List<string> CallbackData(RecordedRequest message) =>
        [.. (message.Body["reply_markup"]?["inline_keyboard"]?.AsArray() ?? []).SelectMany(row => row!.AsArray()).Select(b => b!["callback_data"]!.ToString())];

    /// <summary>Ada's reminder at 08:00 Europe/Berlin, as /remind and Save make it, and /reminders listing it.</summary>
    private async Task<RecordedRequest> ListOneReminderAsync()
    {
        var ada = new ChatUser("telegram", Ada.ToString(System.Globalization.CultureInfo.InvariantCulture), "Ada");
        await Store.AddRoutineAsync(
            new ReminderSubscription(0, ada, new ChatAddress("telegram", ada.UserId), new TimeOnly(8, 0), "Europe/Berlin", ReminderState.Active, DateTimeOffset.UnixEpoch), 5, CancellationToken.None);
        return await SayAsync("/reminders");
    }

    /// <summary>Sends each text in Ada's private chat, one after the other; returns the bot's reply to the last.</summary>
    private async Task<RecordedRequest> SayAsync(params string[] texts)
    {
        foreach (var text in texts)
        {
            var before = StandIn.Sent(Ada).Count;
            StandIn.EnqueueUpdate(TestUpdates.PrivateText(Ada, text));
            await UntilAsync(s => s.Sent(Ada).Count == before + 1);
        }

        return StandIn.Sent(Ada)[^1];
    }

    /// <summary>Presses a button under <paramref name="message"/>; returns the edit it made.</summary>
    private async Task<RecordedRequest> PressAsync(RecordedRequest message, string data)
    {
        var before = StandIn.Calls("editMessageText").Count;
        StandIn.EnqueueUpdate(TestUpdates.Callback(Ada, Ada, data, message.MessageId!.Value));
        await UntilAsync(s => s.Calls("editMessageText").Count == before + 1);
        return StandIn.Calls("editMessageText")[^1];
    }

    // A chat gets one message a second: the pace waits on the test clock, which runs forward as those waits come up.
    private Task UntilAsync(Func<TelegramStandIn, bool> condition) => Bot.Clock.AdvanceUntilAsync(() => condition(StandIn), () => StandIn.Changed);

    // The chat's updates are handled in order: once a later message is answered, whatever the press sent is recorded.
    private async Task AssertNothingElseSentAsync(int sentBefore)
    {
        await SayAsync("/help");
        Assert.Equal(sentBefore + 1, StandIn.Sent(Ada).Count);
    }
}
