namespace LymphBot.Core.Knowledge;

public enum AnswerKind
{
    /// <summary>An entry answers the question.</summary>
    Answer,

    /// <summary>A red-flag question: the fixed reply sending the person to a healthcare provider.</summary>
    Safety,

    /// <summary>Nothing in the knowledge base covers it.</summary>
    NotFound,

    /// <summary>Not sure which entry was meant: "Did you mean…?" with candidate questions as buttons. Not an answer.</summary>
    Clarify,
}
