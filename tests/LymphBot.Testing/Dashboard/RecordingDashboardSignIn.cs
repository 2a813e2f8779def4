using LymphBot.Core.Chat;
using LymphBot.Core.Dashboard;

namespace LymphBot.Testing.Dashboard;

/// <summary>Issues links that lead nowhere and remembers for whom and what scope.</summary>
public sealed class RecordingDashboardSignIn : IDashboardSignIn
{
    private readonly List<(ChatUser Member, DashboardScope Scope)> _issued = [];

    public IReadOnlyList<(ChatUser Member, DashboardScope Scope)> Issued
    {
        get
        {
            lock (_issued)
            {
                return [.. _issued];
            }
        }
    }

    public Task<Uri> IssueLinkAsync(ChatUser member, DashboardScope scope, CancellationToken cancellationToken)
    {
        lock (_issued)
        {
            _issued.Add((member, scope));
            return Task.FromResult(new Uri($"http://127.0.0.1:1/dashboard/sign-in?token=test{_issued.Count}"));
        }
    }
}
