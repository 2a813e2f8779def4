using LymphBot.Core.Knowledge;

namespace LymphBot.Testing.Knowledge;

public sealed class InMemoryQuestionGapStore : IQuestionGapStore
{
    private readonly List<(GapScope Scope, QuestionGap Gap)> _gaps = [];

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
