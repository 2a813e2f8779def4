using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Dashboard;
using LymphBot.Storage;
using LymphBot.Testing.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LymphBot.Tests.Storage;

/// <summary>
/// The knowledge gaps as the dashboard reads them from storage, on every database provider: the 👎 questions beside
/// the unanswered ones, grouped by what they ask, until a moderator decides on them or their asker is forgotten.
/// </summary>
public abstract class GapInboxContract
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<KnowledgeBase> Knowledge = new(() =>
        new(Options.Create(new KnowledgeOptions { Path = Path.Combine(RepositoryPaths.Root, "knowledge") }), NullLogger<KnowledgeBase>.Instance));

    protected abstract Task<Database> CreateDatabaseAsync();

    [SkippableFact]
    public async Task UnhelpfulQuestions_GroupWithTheUnanswered_WithTheirAnswer_UntilDecidedOrForgotten()
    {
        var database = await CreateDatabaseAsync();
        var feedback = new SqlAnswerFeedbackStore(database);
        var inbox = new SqlGapInbox(database);
        using var grouping = new QuestionGroups(Knowledge.Value);
        var group = new ChatAddress("telegram", "group-1");
        var scope = GapScope.Group(group);
        var dee = new ChatUser("telegram", "14", "Dee");
        await new SqlQuestionGapStore(database).RecordAsync("does swelling get worse when flying", scope, At, CancellationToken.None);
        await Vote("travel-flying", "11", "swelling worse when flying", scope, At.AddMinutes(1));
        await Vote("night-garments", "12", "can i sleep in my compression sleeve", scope, At.AddMinutes(2));
        await feedback.RecordAsync(new AnswerFeedback("travel-flying", true, new ChatUser("telegram", "13", "Cy"), At.AddMinutes(3)), CancellationToken.None);
        await Vote("swimming", dee.UserId, "can i go swimming with lymphoedema", scope, At.AddMinutes(4));
        await Vote("travel-flying", "15", "flying makes my swelling worse", GapScope.Group(new ChatAddress("telegram", "group-2")), At.AddMinutes(5));

        var groups = grouping.Group(await inbox.OpenAsync([scope], 100, CancellationToken.None), r => r.Question, r => r.Count);

        var flying = Assert.Single(groups, g => g.Any(r => r.Question.Contains("flying", StringComparison.Ordinal)));
        Assert.Equal(2, flying.Count);
        Assert.Contains(flying, r => r.UnhelpfulEntry is null && r.Question == "does swelling get worse when flying");
        var unhelpful = Assert.Single(flying, r => r.UnhelpfulEntry is not null);
        Assert.Equal(new GapRow("swelling worse when flying", "telegram", "group-1", 1, At.AddMinutes(1), At.AddMinutes(1)) { UnhelpfulEntry = "travel-flying" }, unhelpful with { FeedbackId = null });
        var sleeve = Assert.Single(groups, g => g.Any(r => r.UnhelpfulEntry == "night-garments"));
        Assert.Single(groups, g => g.Any(r => r.UnhelpfulEntry == "swimming"));
        Assert.Equal(3, groups.Count);

        // /forgetme takes the question a 👎 kept with it; the vote still counts for its entry.
        await new SqlPersonalDataStore(database, new SqlChatUserStore(database), new SqlReminderStore(database), new SqlOutcomeStore(database), new SqlWeeklyRecapStore(database, new SqlReminderStore(database)), new SqlProgramEnrollmentStore(database))
            .ForgetAsync(dee, CancellationToken.None);
        Assert.DoesNotContain(await inbox.OpenAsync(null, 100, CancellationToken.None), r => r.UnhelpfulEntry == "swimming");
        Assert.Equal((0, 1), await feedback.CountAsync("swimming", CancellationToken.None));

        // Attaching a group and marking one "not covered" close their 👎 rows as well as their unanswered ones.
        await inbox.ResolveAsync(flying, "attached:travel-flying", CancellationToken.None);
        await inbox.ResolveAsync(sleeve, SqlGapInbox.NotCovered, CancellationToken.None);
        Assert.Empty(await inbox.OpenAsync([scope], 100, CancellationToken.None));
        var elsewhere = Assert.Single(await inbox.OpenAsync(null, 100, CancellationToken.None));
        Assert.Equal(("group-2", "travel-flying"), (elsewhere.ChatId, elsewhere.UnhelpfulEntry));

        // A member's new 👎 is new feedback: open again.
        await Vote("night-garments", "12", "can i sleep in my compression sleeve", scope, At.AddMinutes(9));
        Assert.Equal("night-garments", Assert.Single(await inbox.OpenAsync([scope], 100, CancellationToken.None)).UnhelpfulEntry);

        Task Vote(string entry, string voter, string question, GapScope where, DateTimeOffset at) =>
            feedback.RecordAsync(new AnswerFeedback(entry, false, new ChatUser("telegram", voter, "Member " + voter), at) { Question = question, Scope = where }, CancellationToken.None);
    }
}
