using LymphBot.Core.Commands;
using LymphBot.Core.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the knowledge base as the question path, <c>/ask</c>, <c>/kb</c> and the topic, feedback, "Did you mean…?"
    /// and suggestion buttons.
    /// The host supplies <see cref="KnowledgeOptions"/> (with a resolved path), <see cref="IQuestionGapStore"/>,
    /// <see cref="IAnswerFeedbackStore"/> and <see cref="ISuggestedPhrasingStore"/>, and loads the approved phrasings at
    /// start with <see cref="KbSuggestions.LoadApprovedAsync"/>.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<IQuestionAnswerer, KnowledgeAnswerer>();
        services.AddSingleton<IChatCommand, AskCommand>();
        services.AddSingleton<IChatCommand, KbCommand>();
        services.AddSingleton<IButtonHandler, TopicButtons>();
        services.AddSingleton<IButtonHandler, FeedbackButtons>();
        services.AddSingleton<ClarifyQuestions>();
        services.AddSingleton<KbSuggestions>();
        services.AddSingleton<IButtonHandler, ClarifyButtons>();
        services.AddSingleton<IButtonHandler, SuggestionButtons>();
        return services;
    }
}
