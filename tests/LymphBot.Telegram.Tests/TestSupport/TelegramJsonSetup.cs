using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LymphBot.Telegram.Tests.TestSupport;

internal static class TelegramJsonSetup
{
    /// <summary>
    /// The suite runs on the JSON metadata production uses. The host switches Telegram.Bot's shared options before
    /// anything serializes; in a test process any test might serialize first and freeze them.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A test assembly: set once, before any test runs.")]
    internal static void UseProductionMetadata() => TelegramJson.UseGeneratedMetadata();
}
