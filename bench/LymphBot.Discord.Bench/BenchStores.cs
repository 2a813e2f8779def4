using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Users;

namespace LymphBot.Discord.Bench;

/// <summary>No-op storage ports: the benchmark measures the adapter.</summary>
internal sealed class BenchStores : IChatUserStore, IChatReachability, IChatMigrationStore, ICommandRegistrationStore
{
    public Task<string?> FindHashAsync(string platform, string scope, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task SaveHashAsync(string platform, string scope, string hash, DateTimeOffset registeredAt, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ChatUserSettings> EnsureAsync(ChatUser user, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(new ChatUserSettings(user.Platform, user.UserId, null, now));

    public Task<ChatUserSettings?> FindAsync(ChatUser user, CancellationToken cancellationToken) => Task.FromResult<ChatUserSettings?>(null);

    public Task SaveAsync(ChatUserSettings settings, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReportUnreachableAsync(ChatAddress chat, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReportReachableAsync(ChatAddress chat, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> FindUnreachableReasonAsync(ChatAddress chat, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<int> MoveAsync(ChatAddress oldChat, ChatAddress newChat, CancellationToken cancellationToken) => Task.FromResult(0);
}
