using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WellbeingBot.Fakes;

/// <summary>
/// A local stand-in for the Bot Framework connector (Teams' service URL): accepts
/// <c>POST /v3/conversations/{id}/activities</c>, records every send, and can be told to answer 429 with Retry-After, 500 or
/// 403. Used by the reminder tests and the reminder benchmark, so neither needs the internet.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> perConversation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HttpStatusCode> refused = new(StringComparer.Ordinal);
    private int failuresLeft;
    private HttpStatusCode failure;
    private TimeSpan? retryAfter;
    private int attempts;

    private FakeConnector(WebApplication app) => this.app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Every POST, including the ones answered with an error.</summary>
    public int Attempts => attempts;

    /// <summary>Accepted sends per conversation id.</summary>
    public IReadOnlyDictionary<string, int> Received => perConversation;

    public ConcurrentQueue<string> Texts { get; } = new();

    /// <summary>Every activity accepted, with its conversation id, as JSON.</summary>
    public ConcurrentQueue<(string Conversation, string Json)> Activities { get; } = new();

    /// <summary>Conversations the bot opened (a private chat), as the JSON parameters it sent.</summary>
    public ConcurrentQueue<string> Created { get; } = new();

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations", connector.CreateAsync);
        app.MapPost("/v3/conversations/{id}/activities", connector.ReceiveAsync);
        app.MapPost("/v3/conversations/{id}/activities/{replyToId}", (string id, HttpRequest request) => connector.ReceiveAsync(id, request));
        await app.StartAsync();
        connector.ServiceUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>The next <paramref name="count"/> sends are answered with <paramref name="status"/>.</summary>
    public void Fail(HttpStatusCode status, int count, TimeSpan? after = null)
    {
        failure = status;
        retryAfter = after;
        Volatile.Write(ref failuresLeft, count);
    }

    /// <summary>Every send to this conversation is refused, as when the user removed the bot (403) or it is gone (404).</summary>
    public void Refuse(string conversationId, HttpStatusCode status = HttpStatusCode.Forbidden) => refused[conversationId] = status;

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        Created.Enqueue(await reader.ReadToEndAsync());
        return Results.Json(new { id = $"private-{Created.Count}", activityId = "1" });
    }

    private async Task<IResult> ReceiveAsync(string id, HttpRequest request)
    {
        Interlocked.Increment(ref attempts);
        if (refused.TryGetValue(id, out var status))
        {
            return Results.StatusCode((int)status);
        }

        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            if (retryAfter is { } wait)
            {
                request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.StatusCode((int)failure);
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        Activities.Enqueue((id, body.RootElement.GetRawText()));
        if (body.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
        {
            Texts.Enqueue(text.GetString()!);
        }

        perConversation.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }
}
