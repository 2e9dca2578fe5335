using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.Bot;
using WellbeingBot.Reminders;

namespace WellbeingBot.Tests.Reminders;

/// <summary>A Teams user setting reminders in a transcript, with a clock the test moves and storage that survives a restart.</summary>
internal sealed class ReminderConversation : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"wellbeingbot-reminders-{Guid.NewGuid():N}");
    private readonly IDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configure;
    private ServiceProvider services;

    /// <param name="configure">Last changes to the services, e.g. a storage the test takes down and brings back.</param>
    public ReminderConversation(DateTimeOffset start, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Time = new FakeTimeProvider(start);
        this.settings = settings ?? new Dictionary<string, string?>();
        this.settings.TryAdd("Storage:DataFolder", folder);
        this.configure = configure;
        services = TestConversation.Services(Time, this.settings, configure);
    }

    public string Folder => folder;

    public FakeTimeProvider Time { get; }

    public string User { get; } = $"msteams:29:{Guid.NewGuid():N}";

    /// <summary>What the device reports: Teams' clientInfo.timezone.</summary>
    public string? DeviceZone { get; set; } = "Europe/London";

    public string? Address { get; set; } = "{\"conversation\":{\"id\":\"a:1\"},\"serviceUrl\":\"https://smba.example/\"}";

    public IServiceProvider Services => services;

    public RecordingSender Sender => services.GetRequiredService<RecordingSender>();

    public ReminderDispatcher Dispatcher => services.GetRequiredService<ReminderDispatcher>();

    public async Task<BotReply> Say(string text) => Assert.Single(await services.GetRequiredService<ConversationEngine>().RespondAsync(
        new IncomingMessage(text, Locale: "en-GB", ConversationId: "c1", UserId: User, TimeZone: DeviceZone, ReplyAddress: Address is null ? null : new ReplyAddress(Address)), CancellationToken.None));

    /// <summary>Sets a daily reminder and says yes to storing it, as most delivery tests begin.</summary>
    public async Task SetDailyReminderAsync(string at = "8am")
    {
        await Say($"remind me every day at {at}");
        await Say("yes");
    }

    /// <summary>Moves the clock to an instant and lets the dispatcher run as its timer would.</summary>
    public async Task RunAt(DateTimeOffset instant)
    {
        Time.SetUtcNow(instant);
        await Dispatcher.RunOnceAsync(CancellationToken.None);
    }

    public void Restart()
    {
        services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        services = TestConversation.Services(Time, settings, configure);
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
}
