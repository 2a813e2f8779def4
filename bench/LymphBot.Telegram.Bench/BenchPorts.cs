using System.Collections.Concurrent;
using LymphBot.Core.Chat;
using LymphBot.Core.Questions;
using LymphBot.Core.Users;

namespace LymphBot.Telegram.Bench;

/// <summary>In-memory stand-ins for the storage ports and an answerer that echoes, so the bench measures the adapter.</summary>
internal sealed class BenchPorts : IChatUserStore, IChatReachability, IChatMigrationStore, IQuestionAnswerer
{
    private readonly ConcurrentDictionary<(string, string), ChatUserSettings> _users = new();
    private readonly ConcurrentDictionary<ChatAddress, string> _unreachable = new();

    public Task<ChatUserSettings> EnsureAsync(ChatUser user, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(_users.GetOrAdd((user.Platform, user.UserId), _ => new ChatUserSettings(user.Platform, user.UserId, null, now)));

    public Task<ChatUserSettings?> FindAsync(ChatUser user, CancellationToken cancellationToken) =>
        Task.FromResult(_users.TryGetValue((user.Platform, user.UserId), out var s) ? s : null);

    public Task SaveAsync(ChatUserSettings settings, CancellationToken cancellationToken)
    {
        _users[(settings.Platform, settings.UserId)] = settings;
        return Task.CompletedTask;
    }

    public Task ReportUnreachableAsync(ChatAddress chat, string reason, CancellationToken cancellationToken)
    {
        _unreachable[chat] = reason;
        return Task.CompletedTask;
    }

    public Task ReportReachableAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        _unreachable.TryRemove(chat, out _);
        return Task.CompletedTask;
    }

    public Task<string?> FindUnreachableReasonAsync(ChatAddress chat, CancellationToken cancellationToken) =>
        Task.FromResult(_unreachable.TryGetValue(chat, out var reason) ? reason : null);

    public Task<int> MoveAsync(ChatAddress oldChat, ChatAddress newChat, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken) =>
        Task.FromResult(new Reply($"You asked: **{ReplyMarkup.Escape(question)}**") { Citation = "Bench handbook, ¶1" });
}
