using LymphBot.Core.Knowledge;
using LymphBot.Core.Moderation;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.Knowledge;
using LymphBot.Testing.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>A conversation with the question path on the shipped knowledge base and in-memory stores.</summary>
public static class KnowledgeBot
{
    public static TestChat Create(Dictionary<string, string?>? configuration = null) => TestChat.Create(
        services =>
        {
            services.AddSingleton<InMemoryQuestionGapStore>();
            services.AddSingleton<IQuestionGapStore>(sp => sp.GetRequiredService<InMemoryQuestionGapStore>());
            services.AddSingleton<InMemoryAuditLog>();
            services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<InMemoryAuditLog>());
            services.AddSingleton<InMemoryAnswerFeedbackStore>();
            services.AddSingleton<IAnswerFeedbackStore>(sp => sp.GetRequiredService<InMemoryAnswerFeedbackStore>());
            services.AddSingleton<InMemorySuggestedPhrasingStore>();
            services.AddSingleton<ISuggestedPhrasingStore>(sp => sp.GetRequiredService<InMemorySuggestedPhrasingStore>());
            services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new KnowledgeOptions { Path = ShippedKnowledge.Folder }));
            services.AddSingleton<ModeratorGate>();
            services.AddKnowledge();
        },
        configuration: configuration);
}
