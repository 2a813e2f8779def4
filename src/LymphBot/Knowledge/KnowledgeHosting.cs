using LymphBot.Core.Knowledge;
using LymphBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LymphBot.Knowledge;

public static class KnowledgeHosting
{
    /// <summary>
    /// Adds the knowledge base (section <c>Knowledge</c>), its live reload, the stores for unanswered questions,
    /// answer feedback and suggested phrasings, and the approved phrasings loaded at start.
    /// </summary>
    public static IHostApplicationBuilder AddLymphBotKnowledge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<KnowledgeOptions>()
            .Bind(builder.Configuration.GetSection(KnowledgeOptions.Section))
            .PostConfigure(o => o.Path = KnowledgePaths.Resolve(o.Path))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>();
        builder.Services.AddKnowledge();
        builder.Services.AddSingleton<IQuestionGapStore, SqlQuestionGapStore>();
        builder.Services.AddSingleton<IAnswerFeedbackStore, SqlAnswerFeedbackStore>();
        builder.Services.AddSingleton<ISuggestedPhrasingStore, SqlSuggestedPhrasingStore>();
        builder.Services.AddHostedService<ApprovedPhrasingsLoader>();
        builder.Services.AddSingleton<KnowledgeReloader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KnowledgeReloader>());
        return builder;
    }
}
