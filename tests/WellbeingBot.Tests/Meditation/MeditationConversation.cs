using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.Bot;
using WellbeingBot.Meditation;

namespace WellbeingBot.Tests.Meditation;

/// <summary>One person talking to the bot, as a transcript, with a clock the test moves and a data folder that outlives a restart.</summary>
internal sealed class MeditationConversation : IDisposable
{
    private readonly string folder;
    private ServiceProvider services;

    public MeditationConversation(string? folder = null, FakeTimeProvider? time = null)
    {
        this.folder = folder ?? Path.Combine(Path.GetTempPath(), $"wellbeingbot-meditation-{Guid.NewGuid():N}");
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 21, 0, 0, TimeSpan.Zero));
        services = Start();
    }

    public FakeTimeProvider Time { get; }

    public string User { get; } = $"msteams:29:{Guid.NewGuid():N}";

    public string Conversation { get; set; } = "c1";

    public MeditationCatalog Catalog => services.GetRequiredService<MeditationCatalog>();

    public IServiceProvider Services => services;

    public Task<IReadOnlyList<BotReply>> Say(string text, IReadOnlyDictionary<string, string>? card = null) =>
        services.GetRequiredService<ConversationEngine>().RespondAsync(
            new IncomingMessage(text, Locale: "en-GB", ConversationId: Conversation, UserId: User, CardData: card), CancellationToken.None);

    public async Task<BotReply> SayOne(string text, IReadOnlyDictionary<string, string>? card = null) => Assert.Single(await Say(text, card));

    /// <summary>Presses a button of the card a reply carries, as Teams and Web Chat send it: no text, the button's data.</summary>
    public Task<BotReply> Press(BotReply reply, string title)
    {
        var button = Assert.Single(reply.Card!.Buttons, b => b.Title == title);
        return SayOne(button.Data["text"], button.Data);
    }

    /// <summary>The process stops and starts again: memory is gone, the data folder stays.</summary>
    public void Restart()
    {
        services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        services = Start();
    }

    public void Dispose()
    {
        services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private ServiceProvider Start() => TestConversation.Services(Time, new Dictionary<string, string?> { ["Storage:DataFolder"] = folder });
}
