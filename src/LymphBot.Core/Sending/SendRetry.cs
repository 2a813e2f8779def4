using LymphBot.Core.Chat;

namespace LymphBot.Core.Sending;

/// <summary>
/// What to do after an attempt that did not succeed: send again after <see cref="Delay"/> with <see cref="Request"/>
/// (to <see cref="MovedTo"/> when the chat has a new id). <see cref="SpendsAttempt"/>: it counts against the
/// owner's limit of attempts (a rate limit, a formatting fallback and a chat move do not).
/// </summary>
public sealed record SendRetry(TimeSpan Delay, SendRequest Request, bool SpendsAttempt, ChatAddress? MovedTo = null);
