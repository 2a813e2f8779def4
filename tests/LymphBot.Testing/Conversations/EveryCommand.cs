using LymphBot.Core.Commands;
using LymphBot.Core.Dashboard;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Programs;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tips;
using LymphBot.Testing.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LymphBot.Testing.Conversations;

/// <summary>
/// Every command the host registers, wired as the host wires Core (minus SQLite and Quartz): what the platforms'
/// generated command sets and <c>/help</c> are built from, for the tests that prove they agree with Core's parser.
/// </summary>
public static class EveryCommand
{
    public static TestChat Chat() => TestChat.Create(services =>
    {
        services.AddInMemoryStores();
        services.AddSingleton(Options.Create(new KnowledgeOptions { Path = Path.Combine(RepositoryPaths.Root, "knowledge") }));
        services.AddScheduling();
        services.AddReminders();
        services.AddPrograms();
        services.AddTipsAndPrivacy();
        services.AddKnowledge();
        services.AddDashboardCommand();
    });

    public static IReadOnlyList<CommandSpec> Specs()
    {
        using var chat = Chat();
        return [.. chat.Get<CommandRouter>().Commands.Select(c => c.Spec)];
    }
}
