using LymphBot.Core;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Questions;
using LymphBot.Core.Users;
using LymphBot.Testing.Questions;
using LymphBot.Testing.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Testing.Conversations;

/// <summary>
/// A conversation with the bot through the real <see cref="CommandRouter"/> and the real DI registrations:
/// <c>await chat.Send("/help").ExpectReply(r => r.Contains("/start"))</c>.
/// </summary>
public sealed class TestChat : IDisposable
{
    public const string BotName = "LymphTestBot";

    private readonly ServiceProvider _services;
    private readonly bool _ownsServices;

    private TestChat(ServiceProvider services, bool ownsServices)
    {
        _services = services;
        _ownsServices = ownsServices;
        Router = services.GetRequiredService<CommandRouter>();
    }

    public CommandRouter Router { get; }

    public FakeTimeProvider Time => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();

    public InMemoryChatUserStore Users => (InMemoryChatUserStore)_services.GetRequiredService<IChatUserStore>();

    public ChatUser Member { get; init; } = new("test", "42", "Ada");

    public ChatAddress Address { get; init; } = new("test", "chat-1");

    public ChatKind Kind { get; init; } = ChatKind.Direct;

    /// <summary>What the platform reports about the member here, such as being the chat's administrator.</summary>
    public SenderFacts Facts { get; init; } = SenderFacts.None;

    /// <summary>The platform offers a button for sharing a location here (Telegram's private chats).</summary>
    public bool CanShareLocation { get; init; }

    public static TestChat Create(
        Action<IServiceCollection>? configure = null, ChatKind kind = ChatKind.Direct, Dictionary<string, string?>? configuration = null, SenderFacts? facts = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IChatUserStore, InMemoryChatUserStore>();
        services.AddLymphBotCore(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build());
        configure?.Invoke(services);
        services.TryAddSingleton<IQuestionAnswerer, EchoAnswerer>();
        return new TestChat(services.BuildServiceProvider(), ownsServices: true) { Kind = kind, Facts = facts ?? SenderFacts.None };
    }

    /// <summary>Another member or another chat talking to the same bot: the same services and stores.</summary>
    public TestChat As(ChatUser member, ChatAddress address, ChatKind kind, SenderFacts? facts = null) =>
        new(_services, ownsServices: false) { Member = member, Address = address, Kind = kind, Facts = facts ?? SenderFacts.None, CanShareLocation = CanShareLocation };

    /// <summary>The same member in the same chat, where the platform does (or does not) offer a button for sharing a location.</summary>
    public TestChat WithLocationSharing(bool canShareLocation = true) =>
        new(_services, ownsServices: false) { Member = Member, Address = Address, Kind = Kind, Facts = Facts, CanShareLocation = canShareLocation };

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public SentMessage Send(string text, bool addressesBot = false) =>
        new(Router.HandleAsync(new IncomingMessage(Address, Member, text, Kind, addressesBot, BotName) { Facts = Facts, CanShareLocation = CanShareLocation }, CancellationToken.None));

    /// <summary>Shares a location, as Telegram's location message does (no text).</summary>
    public SentMessage ShareLocation(double latitude, double longitude, bool addressesBot = false) =>
        new(Router.HandleAsync(
            new IncomingMessage(Address, Member, string.Empty, Kind, addressesBot, BotName) { Facts = Facts, CanShareLocation = CanShareLocation, Location = new GeoPoint(latitude, longitude) },
            CancellationToken.None));

    public SentMessage Press(string buttonData) =>
        new(Router.HandleAsync(new IncomingMessage(Address, Member, string.Empty, Kind, false, BotName, buttonData) { Facts = Facts }, CancellationToken.None));

    public void Dispose()
    {
        if (_ownsServices)
        {
            _services.Dispose();
        }
    }
}
