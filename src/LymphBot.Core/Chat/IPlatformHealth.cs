namespace LymphBot.Core.Chat;

/// <summary>An adapter's connection state, for the host's readiness endpoint.</summary>
public interface IPlatformHealth
{
    /// <summary>The platform name, e.g. <c>discord</c>.</summary>
    string Name { get; }

    /// <summary>Whether the adapter is connected and able to send, with one line saying why not.</summary>
    (bool Ready, string Detail) Check();
}
