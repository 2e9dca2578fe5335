using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace WellbeingBot.Tests.State;

/// <summary>
/// Minimisation: everything the app logs during conversations, at the levels it ships with, carries no message text and no
/// user or conversation id, whichever path the messages take (answer, decline, crisis, failure-free small talk).
/// </summary>
public sealed class LogMinimisationTests
{
    private const string UserId = "user-7f3c-private-id";
    private const string ConversationId = "conversation-91ab-private";

    private static readonly string[] Messages =
    [
        "hello",
        "is ketamine addictive for someone like me, my name is Alexandra Wojcik",
        "whats the best pizza topping in Napoli",
        "i want to end my life tonight",
        "no",
        "tell me more",
        "my country is Ireland",
        "yes, remember it",
        "what do you know about me",
        "remind me to meditate every day at 8am",
        "yes",
        "what are my reminders",
        "forget me",
        "yes",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Conversations_leave_no_text_and_no_ids_in_the_logs(bool storageDown)
    {
        var logs = new CapturingLoggerProvider();
        var settings = storageDown ? new Dictionary<string, string?> { ["Storage:PostgreSql"] = "Host=127.0.0.1;Port=1;Timeout=2" } : null;
        await using var app = new WellbeingBotApplication(settings).WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var client = app.CreateClient();

        foreach (var text in Messages)
        {
            var response = await client.PostAsJsonAsync("/api/messages", Message(text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Contains(logs.Lines, l => l.Contains("Crisis reply sent", StringComparison.Ordinal));
        Assert.Equal(storageDown, logs.Lines.Any(l => l.Contains("Storage is unavailable", StringComparison.Ordinal)));
        // Short messages ("no", "hello") are words any log line may contain; the longer ones and the names are what must not leak.
        var forbidden = Messages.Where(m => m.Length >= 10).Select(m => m[..Math.Min(m.Length, 24)]).Concat(["Alexandra", "Wojcik", "Napoli", UserId, ConversationId]);
        Assert.All(logs.Lines, line => Assert.All(forbidden, f => Assert.DoesNotContain(f, line, StringComparison.OrdinalIgnoreCase)));
    }

    private static JsonObject Message(string text) =>
        TestActivities.Message(text, ConversationId, UserId, "en-GB", timezone: "Europe/London", userName: "Alexandra Wojcik");

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> lines = new();

        public IReadOnlyCollection<string> Lines => lines;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {properties} {exception}");
            }
        }
    }
}
