using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Tests.Tips;
using LymphBot.Core.Tips;
using LymphBot.Testing.Tips;

namespace LymphBot.Core.Tests.Commands;

public sealed class CommandSuggestionsTests
{
    [Fact]
    public async Task TipIds_OfferThisChatsTipsToModerators_AndNothingToMembers()
    {
        using var chat = CommunityBot.Create();
        await chat.Send("/tip add Drink a glass of water after every session, it helps you notice how you feel afterwards.");
        await chat.OtherMember().Send("/tip suggest Hum while you massage.");
        var suggestions = chat.Get<CommandSuggestions>();
        var spec = Spec(chat, "tip");

        var remove = await suggestions.SuggestAsync(Message(chat, chat.Member, chat.Facts), spec, "remove", "tip", string.Empty, CancellationToken.None);
        var approve = await suggestions.SuggestAsync(Message(chat, chat.Member, chat.Facts), spec, "approve", "tip", "#", CancellationToken.None);
        var asMember = await suggestions.SuggestAsync(Message(chat, new ChatUser("test", "43", "Bob"), SenderFacts.None), spec, "remove", "tip", string.Empty, CancellationToken.None);

        Assert.Equal([("#1 Drink a glass of water after every session, it helps you not…", "1")], remove.Select(s => (s.Label, s.Value)));
        Assert.Equal([("#2 Hum while you massage.", "2")], approve.Select(s => (s.Label, s.Value)));
        Assert.Empty(asMember);
        Assert.Single(chat.Get<InMemoryTipStore>().All, t => t.Status == TipStatus.Pending);
    }

    [Fact]
    public async Task UnknownParameterOrSubcommand_OffersNothing()
    {
        using var chat = CommunityBot.Create();
        var suggestions = chat.Get<CommandSuggestions>();

        Assert.Empty(await suggestions.SuggestAsync(Message(chat, chat.Member, chat.Facts), Spec(chat, "remind"), "nope", "reminder", string.Empty, CancellationToken.None));
        Assert.Empty(await suggestions.SuggestAsync(Message(chat, chat.Member, chat.Facts), Spec(chat, "remind"), "add", "time", "8", CancellationToken.None));
    }

    private static CommandSpec Spec(Testing.Conversations.TestChat chat, string name) =>
        chat.Get<CommandRouter>().Commands.Single(c => c.Spec.Name == name).Spec;

    private static IncomingMessage Message(Testing.Conversations.TestChat chat, ChatUser sender, SenderFacts facts) =>
        new(chat.Address, sender, string.Empty, chat.Kind, true, "LymphTestBot") { Facts = facts };
}
