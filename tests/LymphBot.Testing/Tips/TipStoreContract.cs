using LymphBot.Core.Chat;
using LymphBot.Core.Tips;

namespace LymphBot.Testing.Tips;

/// <summary>
/// What every <see cref="ITipStore"/> does, run against the SQL store on each database and against
/// <see cref="InMemoryTipStore"/>, so the fake cannot drift from what the bot runs on.
/// </summary>
public abstract class TipStoreContract
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 8, 0, 0, 123, TimeSpan.Zero);
    private static readonly ChatAddress Group = new("telegram", "-100123");

    protected abstract Task<ITipStore> CreateStoreAsync();

    [SkippableFact]
    public async Task Add_SameNormalisedTextInACommunity_ReturnsTheExistingTip_ButAnotherCommunityGetsItsOwn()
    {
        var store = await CreateStoreAsync();
        var bob = new ChatUser("telegram", "7", "Bob");
        var suggested = new Tip(0, "Drink water", TipStatus.Pending, Group, Created) { SuggestedBy = bob, SuggestedIn = Group with { ThreadId = "5" } };

        var (first, added) = await store.AddAsync(suggested, "drink water", CancellationToken.None);
        var (again, addedAgain) = await store.AddAsync(new Tip(0, "DRINK WATER!", TipStatus.Approved, Group, Created), "drink water", CancellationToken.None);
        var (elsewhere, addedElsewhere) = await store.AddAsync(new Tip(0, "Drink water", TipStatus.Approved, new ChatAddress("telegram", "-100999"), Created), "drink water", CancellationToken.None);

        Assert.Equal((true, false, true), (added, addedAgain, addedElsewhere));
        Assert.Equal(suggested with { Id = first.Id }, again);
        Assert.NotEqual(first.Id, elsewhere.Id);
        Assert.Equal(again, await store.FindAsync(first.Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task List_ByCommunityAndStatus_OldestFirst_ThreadsShareTheirChat()
    {
        var store = await CreateStoreAsync();
        var b = (await store.AddAsync(new Tip(0, "B", TipStatus.Approved, Group, Created), "b", CancellationToken.None)).Tip;
        var a = (await store.AddAsync(new Tip(0, "A", TipStatus.Approved, Group, Created), "a", CancellationToken.None)).Tip;
        await store.AddAsync(new Tip(0, "Pending", TipStatus.Pending, Group, Created), "pending", CancellationToken.None);
        await store.AddAsync(new Tip(0, "Other", TipStatus.Approved, Group with { Platform = "discord" }, Created), "other", CancellationToken.None);

        Assert.Equal(["B", "A"], (await store.ListAsync(Group, TipStatus.Approved, CancellationToken.None)).Select(t => t.Text));
        Assert.True(b.Id < a.Id);
        Assert.Equal(["Pending"], (await store.ListAsync(Group, TipStatus.Pending, CancellationToken.None)).Select(t => t.Text));
        Assert.Empty(await store.ListAsync(Group, TipStatus.Rejected, CancellationToken.None));
    }

    [SkippableFact]
    public async Task SetStatusAndDelete_ChangeOnlyThatTip_AndDeleteSaysWhetherItExisted()
    {
        var store = await CreateStoreAsync();
        var one = (await store.AddAsync(new Tip(0, "One", TipStatus.Pending, Group, Created), "one", CancellationToken.None)).Tip;
        var two = (await store.AddAsync(new Tip(0, "Two", TipStatus.Pending, Group, Created), "two", CancellationToken.None)).Tip;

        await store.SetStatusAsync(one.Id, TipStatus.Rejected, CancellationToken.None);

        Assert.Equal(TipStatus.Rejected, (await store.FindAsync(one.Id, CancellationToken.None))?.Status);
        Assert.Equal(TipStatus.Pending, (await store.FindAsync(two.Id, CancellationToken.None))?.Status);
        Assert.Equal((true, false), (await store.DeleteAsync(two.Id, CancellationToken.None), await store.DeleteAsync(two.Id, CancellationToken.None)));
        Assert.Null(await store.FindAsync(two.Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task RecordPost_KeepsEachKeyOncePerChat_AndStartOverForgetsThePreviousPosts()
    {
        var store = await CreateStoreAsync();
        var other = new ChatAddress("telegram", "-100999");

        await store.RecordPostAsync(Group, "s:a", startOver: false, Created, CancellationToken.None);
        await store.RecordPostAsync(Group, "t:1", startOver: false, Created, CancellationToken.None);
        await store.RecordPostAsync(Group, "t:1", startOver: false, Created, CancellationToken.None);
        await store.RecordPostAsync(other, "s:b", startOver: false, Created, CancellationToken.None);

        Assert.Equal(["s:a", "t:1"], (await store.PostedAsync(Group, CancellationToken.None)).Order(StringComparer.Ordinal));

        await store.RecordPostAsync(Group, "s:b", startOver: true, Created, CancellationToken.None);

        Assert.Equal(["s:b"], await store.PostedAsync(Group, CancellationToken.None));
        Assert.Equal(["s:b"], await store.PostedAsync(other, CancellationToken.None));
    }
}
