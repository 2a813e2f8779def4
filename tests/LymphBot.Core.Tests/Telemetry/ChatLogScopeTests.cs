using LymphBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace LymphBot.Core.Tests.Telemetry;

public sealed class ChatLogScopeTests
{
    [Fact]
    public void BeginChatScope_GivesEveryLogInsideThePlatformAndChatId_AsPropertiesAndText()
    {
        var provider = new ScopeRecorder();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        var logger = factory.CreateLogger("test");

        using (logger.BeginChatScope("telegram", "-100123"))
        {
            logger.LogInformation("inside");
        }

        logger.LogInformation("outside");

        var inside = Assert.Single(provider.Scopes["inside"]);
        Assert.Equal("telegram chat -100123", inside?.ToString());
        var properties = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(inside);
        Assert.Equal([new("Platform", "telegram"), new("ChatId", "-100123")], properties);
        Assert.Empty(provider.Scopes["outside"]);
    }

    /// <summary>Records, per message, the scopes active when it was logged (as the console formatters see them).</summary>
    private sealed class ScopeRecorder : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public Dictionary<string, List<object?>> Scopes { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Recorder(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Recorder(ScopeRecorder owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var active = new List<object?>();
                owner._scopes.ForEachScope((scope, list) => list.Add(scope), active);
                owner.Scopes[formatter(state, exception)] = active;
            }
        }
    }
}
