using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Dashboard;
using LymphBot.Storage;
using LymphBot.Testing.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LymphBot.Tests.Storage;

/// <summary>
/// The knowledge gaps page keeps its groups and applies only the rows changed since its last look
/// (<see cref="OpenGaps"/>); what it shows must be what grouping the stored questions from nothing gives
/// (<see cref="OpenGaps.GroupAfresh"/>), after any mix of writes: new and repeated questions, 👎 votes, groups attached
/// or marked not covered, a member forgotten, a chat moved; for two instances on one database, and for one started
/// half-way (a restart).
/// </summary>
public abstract class OpenGapsContract
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<KnowledgeBase> Knowledge = new(() =>
        new(Options.Create(new KnowledgeOptions { Path = Path.Combine(RepositoryPaths.Root, "knowledge") }), NullLogger<KnowledgeBase>.Instance));

    private static readonly string[] Topics =
        ["swelling", "compression", "sleep", "surgery", "legs", "arms", "flying", "pressure", "puffy", "sore", "MLD", "bandage"];

    private static readonly ChatAddress[] Chats = [new("telegram", "group-1"), new("telegram", "group-2"), new("discord", "guild-3")];

    protected abstract Task<Database> CreateDatabaseAsync();

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task KeptGroups_AfterRandomWrites_SameAsGroupingAfresh(int seed)
    {
        var database = await CreateDatabaseAsync();
        var random = new Random(seed);
        var gaps = new SqlQuestionGapStore(database);
        var feedback = new SqlAnswerFeedbackStore(database);
        var inbox = new SqlGapInbox(database);
        var migrations = new SqlChatMigrationStore(database);
        using var grouping = new QuestionGroups(Knowledge.Value);
        using var first = new OpenGaps(inbox, grouping, Knowledge.Value);
        using var second = new OpenGaps(inbox, grouping, Knowledge.Value);
        OpenGaps? restarted = null;
        IReadOnlyList<GapScope>?[] views = [null, [GapScope.Group(Chats[0])], [GapScope.Group(Chats[1]), GapScope.PrivateChats], [GapScope.PrivateChats]];
        var at = Start;
        var chats = (ChatAddress[])Chats.Clone();
        var voters = 0;
        var applied = 0;

        for (var round = 0; round < 40; round++)
        {
            for (var write = random.Next(1, 6); write > 0; write--)
            {
                at = at.AddMinutes(random.Next(0, 3));
                var chat = chats[random.Next(chats.Length)];
                var scope = GapScope.Of(chat, random.Next(4) == 0 ? ChatKind.Direct : ChatKind.Group);
                switch (random.Next(20))
                {
                    case < 10:
                        await gaps.RecordAsync(Question(random), scope, at, CancellationToken.None);
                        break;
                    case < 15:
                        var voter = new ChatUser(chat.Platform, $"member-{voters++ % 25}", "Member");
                        await feedback.RecordAsync(new AnswerFeedback("travel-flying", random.Next(4) == 0, voter, at) { Question = Question(random), Scope = scope }, CancellationToken.None);
                        break;
                    case < 18:
                        // A moderator decides on a whole group, or on part of one (what their own chats hold of it).
                        var view = views[random.Next(views.Length)];
                        var groups = OpenGaps.GroupAfresh(grouping, await inbox.OpenAsync(view, GapsEndpoints.QuestionsRead, CancellationToken.None));
                        if (groups.Count > 0)
                        {
                            var group = groups[random.Next(groups.Count)];
                            await inbox.ResolveAsync(random.Next(2) == 0 ? group : [.. group.Skip(1)], SqlGapInbox.NotCovered, CancellationToken.None);
                        }

                        break;
                    case 18:
                        await new SqlPersonalDataStore(database, new SqlChatUserStore(database), new SqlReminderStore(database), new SqlOutcomeStore(database), new SqlWeeklyRecapStore(database, new SqlReminderStore(database)), new SqlProgramEnrollmentStore(database))
                            .ForgetAsync(new ChatUser("telegram", $"member-{random.Next(25)}", "Member"), CancellationToken.None);
                        break;
                    default:
                        var from = chats[random.Next(chats.Length)];
                        await migrations.MoveAsync(from, new ChatAddress(from.Platform, from.ChatId + "-moved"), CancellationToken.None);
                        chats[Array.IndexOf(chats, from)] = new ChatAddress(from.Platform, from.ChatId + "-moved");
                        break;
                }

                applied++;
            }

            if (round == 20)
            {
                restarted = new OpenGaps(inbox, grouping, Knowledge.Value);
            }

            foreach (var view in views)
            {
                var expected = Describe(OpenGaps.GroupAfresh(grouping, await inbox.OpenAsync(view, GapsEndpoints.QuestionsRead, CancellationToken.None)));
                Assert.Equal(expected, Describe(await first.GroupsAsync(view, CancellationToken.None)));
                if (round % 3 == 0)
                {
                    Assert.Equal(expected, Describe(await second.GroupsAsync(view, CancellationToken.None)));
                }

                if (restarted is not null)
                {
                    Assert.Equal(expected, Describe(await restarted.GroupsAsync(view, CancellationToken.None)));
                }
            }
        }

        restarted?.Dispose();

        // Mostly row by row: grouped afresh only for a leader decided on, a member forgotten, a chat moved.
        Assert.True(first.Regroupings < 40 * views.Length / 2, $"{first.Regroupings} regroupings in 40 rounds of {views.Length} views");
        var all = await inbox.OpenAsync(null, GapsEndpoints.QuestionsRead, CancellationToken.None);
        Assert.True(all.Count > 30 && all.Any(r => r.FeedbackId is not null), $"only {all.Count} open rows after {applied} writes: the test would show little");
    }

    private static string Question(Random random)
    {
        var words = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Topics[random.Next(Topics.Length)])
            .Concat(Enumerable.Range(0, random.Next(2)).Select(_ => $"zq{(char)('a' + random.Next(6))}x"));
        return string.Join(" and ", words);
    }

    private static List<string> Describe(IReadOnlyList<IReadOnlyList<GapRow>> groups) =>
        [.. groups.Select(g => string.Join(" | ", g.Select(r => $"{r.Question}@{r.Platform}:{r.ChatId}×{r.Count} {r.FirstAsked:HHmm}-{r.LastAsked:HHmm} {r.UnhelpfulEntry}#{r.FeedbackId}")))];
}
