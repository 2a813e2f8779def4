using LymphBot.Core.Knowledge;

namespace LymphBot.Testing.Knowledge;

public sealed class InMemoryQuestionGapStore : IQuestionGapStore
{
    private readonly List<(GapScope Scope, QuestionGap Gap)> _gaps = [];
    private readonly List<(GapScope Scope, AnswerKind Kind, DateTimeOffset At)> _counted = [];

    /// <summary>Every question counted, in order.</summary>
    public IReadOnlyList<(GapScope Scope, AnswerKind Kind, DateTimeOffset At)> Counted
    {
        get
        {
            lock (_counted)
            {
                return [.. _counted];
            }
        }
    }

    public Task CountAsync(GapScope scope, AnswerKind kind, DateTimeOffset askedAt, CancellationToken cancellationToken)
    {
        lock (_counted)
        {
            _counted.Add((scope, kind, askedAt));
        }

        return Task.CompletedTask;
    }

    public Task RecordAsync(string question, GapScope scope, DateTimeOffset askedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gaps)
        {
            var index = _gaps.FindIndex(g => g.Scope == scope && g.Gap.Question == question);
            _gaps.Add((scope, index < 0
                ? new QuestionGap(question, scope.Platform!, 1, askedAt, askedAt)
                : _gaps[index].Gap with { Count = _gaps[index].Gap.Count + 1, LastAsked = askedAt }));
            if (index >= 0)
            {
                _gaps.RemoveAt(index);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A chat's questions follow it to its new id; one the new chat was asked too adds its count there (SqlChatMigrationStore).</summary>
    internal void MoveChat(string platform, string from, string to)
    {
        lock (_gaps)
        {
            for (var i = _gaps.Count - 1; i >= 0; i--)
            {
                var (scope, gap) = _gaps[i];
                if (scope.Platform != platform || scope.ChatId != from)
                {
                    continue;
                }

                var target = GapScope.Group(new Core.Chat.ChatAddress(platform, to));
                var there = _gaps.FindIndex(g => g.Scope == target && g.Gap.Question == gap.Question);
                if (there >= 0)
                {
                    _gaps[there] = (target, _gaps[there].Gap with { Count = _gaps[there].Gap.Count + gap.Count });
                    _gaps.RemoveAt(i);
                }
                else
                {
                    _gaps[i] = (target, gap);
                }
            }
        }
    }

    public Task<IReadOnlyList<QuestionGap>> TopAsync(GapScope scope, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gaps)
        {
            return Task.FromResult<IReadOnlyList<QuestionGap>>(
            [
                .. _gaps.Where(g => g.Scope.ChatId == scope.ChatId && (scope.Platform is null || g.Scope.Platform == scope.Platform))
                    .Select(g => g.Gap).OrderByDescending(g => g.Count).ThenByDescending(g => g.LastAsked).Take(count),
            ]);
        }
    }
}
