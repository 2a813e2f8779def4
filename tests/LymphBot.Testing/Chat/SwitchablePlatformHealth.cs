using LymphBot.Core.Chat;

namespace LymphBot.Testing.Chat;

/// <summary>An adapter's health that a test switches between connected and reconnecting.</summary>
public sealed class SwitchablePlatformHealth(string name = "fake") : IPlatformHealth
{
    public bool Ready { get; set; } = true;

    public string Name { get; } = name;

    public (bool Ready, string Detail) Check() => (Ready, Ready ? "connected" : "reconnecting");
}
