using LymphBot.Core.Chat;
using LymphBot.Testing.Knowledge;
using LymphBot.Testing.Moderation;
using LymphBot.Testing.Programs;
using LymphBot.Testing.Scheduling;
using LymphBot.Testing.Tips;

namespace LymphBot.Testing.Chat;

/// <summary>
/// Records the moves it was asked to make and, given the in-memory stores, makes them as SqlChatMigrationStore does:
/// reminders (resumed if the old chat's being unreachable paused them) with their deliveries, program enrollments, tips
/// and rotation (the new chat's copy wins), audit log, unanswered questions (counts added up), and reachability of both
/// ids forgotten.
/// </summary>
public sealed class InMemoryChatMigrationStore : IChatMigrationStore
{
    /// <summary>The start of the pause reason the sender writes when a chat cannot be reached.</summary>
    public const string UnreachablePrefix = "chat unreachable:";

    private readonly List<(ChatAddress Old, ChatAddress New)> _moves = [];
    private readonly InMemoryReminderStore? _reminders;
    private readonly InMemoryProgramEnrollmentStore? _enrollments;
    private readonly InMemoryTipStore? _tips;
    private readonly InMemoryAuditLog? _audit;
    private readonly InMemoryQuestionGapStore? _gaps;
    private readonly InMemoryChatReachability? _reachability;

    /// <summary>Only records the moves (adapter tests that check a move was asked for).</summary>
    public InMemoryChatMigrationStore()
    {
    }

    public InMemoryChatMigrationStore(
        InMemoryReminderStore reminders,
        InMemoryProgramEnrollmentStore enrollments,
        InMemoryTipStore tips,
        InMemoryAuditLog audit,
        InMemoryQuestionGapStore gaps,
        InMemoryChatReachability reachability)
    {
        _reminders = reminders;
        _enrollments = enrollments;
        _tips = tips;
        _audit = audit;
        _gaps = gaps;
        _reachability = reachability;
    }

    public IReadOnlyList<(ChatAddress Old, ChatAddress New)> Moves
    {
        get
        {
            lock (_moves)
            {
                return [.. _moves];
            }
        }
    }

    public Task<int> MoveAsync(ChatAddress oldChat, ChatAddress newChat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oldChat);
        ArgumentNullException.ThrowIfNull(newChat);
        lock (_moves)
        {
            _moves.Add((oldChat, newChat));
            var (platform, from, to) = (oldChat.Platform, oldChat.ChatId, newChat.ChatId);
            var moved = _reminders?.MoveChat(platform, from, to, UnreachablePrefix) ?? 0;
            _reminders?.Deliveries.MoveChat(platform, from, to);
            _enrollments?.MoveChat(platform, from, to);
            _tips?.MoveChat(platform, from, to);
            _audit?.MoveChat(platform, from, to);
            _gaps?.MoveChat(platform, from, to);
            _reachability?.Forget(oldChat);
            _reachability?.Forget(newChat);
            return Task.FromResult(moved);
        }
    }
}
