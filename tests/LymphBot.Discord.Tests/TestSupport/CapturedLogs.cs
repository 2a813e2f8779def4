using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>Captures every log line at every level, exception text and active scopes (as " => scope") included.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    private event Action<(LogLevel Level, string Category, string Text)>? Logged;

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Entries => [.. _entries];

    public string AllText => string.Join("\n", _entries.Select(e => $"{e.Level} {e.Category}: {e.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Completes when a matching line has been logged (already or later).</summary>
    public async Task WaitForAsync(Func<(LogLevel Level, string Category, string Text), bool> match, TimeSpan? timeout = null)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLogged((LogLevel Level, string Category, string Text) entry)
        {
            if (match(entry))
            {
                seen.TrySetResult();
            }
        }

        Logged += OnLogged;
        try
        {
            if (Entries.Any(match))
            {
                return;
            }

            await seen.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));
        }
        finally
        {
            Logged -= OnLogged;
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                text += " " + string.Join(" ", properties.Select(p => $"{p.Key}={p.Value}"));
            }

            owner._scopes.ForEachScope((scope, _) => text += " => " + scope, (object?)null);

            owner._entries.Enqueue((logLevel, category, text));
            owner.Logged?.Invoke((logLevel, category, text));
        }
    }
}
