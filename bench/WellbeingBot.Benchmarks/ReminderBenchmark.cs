using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using WellbeingBot.Bot;
using WellbeingBot.Channels.BotFramework;
using WellbeingBot.Fakes;
using WellbeingBot.Knowledge;
using WellbeingBot.Meditation;
using WellbeingBot.Reminders;
using WellbeingBot.Safety;
using WellbeingBot.State;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Benchmarks;

/// <summary>
/// <c>reminders --count N [--postgres CONNECTION] [--instances K] [--kill-one]</c>: schedules N reminders due now, dispatches
/// them through the real dispatcher, CloudAdapter and resilience handler to a local fake connector, and counts what arrived.
/// With --kill-one, the first instance is stopped abruptly a third of the way through; its claims pass to the others when
/// their lease ends.
/// </summary>
public static class ReminderBenchmark
{
    private static readonly string[] ParameterNames = ["@u", "@s", "@a", "@d"];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(Option(args, "--count") ?? "100000", CultureInfo.InvariantCulture);
        var postgres = Option(args, "--postgres");
        var instances = int.Parse(Option(args, "--instances") ?? "1", CultureInfo.InvariantCulture);
        var killOne = args.Contains("--kill-one");
        var folder = Path.Combine(Path.GetTempPath(), $"wellbeingbot-reminder-bench-{Guid.NewGuid():N}");
        await using var connector = await FakeConnector.StartAsync();

        var providers = Enumerable.Range(0, instances).Select(_ => Services(folder, postgres)).ToList();
        var run = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(providers[0], connector, run, count);
        Console.WriteLine($"seeded {count} reminders on {(postgres is null ? "SQLite" : "PostgreSQL")}; dispatching with {instances} instance(s){(killOne ? ", killing one" : "")}");

        var clock = Stopwatch.StartNew();
        using var kill = new CancellationTokenSource();
        var workers = providers.Select((p, i) => Task.Run(() => DispatchAsync(p.GetRequiredService<ReminderDispatcher>(), connector, count, i == 0 && killOne ? kill.Token : CancellationToken.None))).ToList();
        if (killOne)
        {
            while (connector.Received.Count < count / 3)
            {
                await Task.Delay(10);
            }

            await kill.CancelAsync();
        }

        await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        var seconds = clock.Elapsed.TotalSeconds;

        var ours = connector.Received.Where(r => r.Key.StartsWith(run, StringComparison.Ordinal)).ToList();
        var sent = ours.Sum(r => r.Value);
        var duplicates = ours.Sum(r => r.Value - 1);
        var lost = count - ours.Count;
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reminders: sent={sent} duplicates={duplicates} lost={lost} seconds={seconds:0.0} rate={sent / seconds:0}/s"));
        return duplicates == 0 ? 0 : 1;
    }

    // Rounds until every reminder of this run has arrived, or nothing more can be claimed for a while.
    private static async Task DispatchAsync(ReminderDispatcher dispatcher, FakeConnector connector, int count, CancellationToken kill)
    {
        var idle = Stopwatch.StartNew();
        // The connector is fresh for this run, so everything it received is ours.
        while (connector.Received.Count < count && idle.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await dispatcher.RunOnceAsync(kill) > 0)
            {
                idle.Restart();
            }
            else
            {
                await Task.Delay(100, kill);
            }
        }
    }

    private static async Task SeedAsync(IServiceProvider services, FakeConnector connector, string run, int count)
    {
        var storage = services.GetRequiredService<SqlStorage>();
        await storage.EnsureSchemaAsync(CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow();
        var schedule = System.Text.Json.JsonSerializer.Serialize(
            new ReminderSchedule(new TimeOnly(8, 0), ReminderSchedule.EveryDay, "Etc/UTC"), ReminderJson.Default.ReminderSchedule);
        await using var connection = await storage.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO reminders (user_key, schedule, address, due_at, updated_at) VALUES (@u, @s, @a, @d, @d)";
        var parameters = ParameterNames.Select(name =>
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        parameters[1].Value = schedule;
        parameters[3].Value = ReminderStore.Text(now.AddMinutes(-1));
        for (var i = 0; i < count; i++)
        {
            parameters[0].Value = UserKey.From($"bench:{run}:{i}")!.Value.Value;
            parameters[2].Value = JsonConvert.SerializeObject(new
            {
                conversation = new { id = $"{run}-{i}" },
                serviceUrl = connector.ServiceUrl.ToString(),
                channelId = "msteams",
                bot = new { id = "bot" },
                user = new { id = $"user-{i}" },
            });
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static ServiceProvider Services(string folder, string? postgres)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Path.Combine(AppContext.BaseDirectory, "knowledge"),
            ["Storage:DataFolder"] = folder,
            ["Storage:PostgreSql"] = postgres,
            ["Reminders:Dispatch"] = "false",
            ["Reminders:MaxSendsPerSecond"] = "0",
            ["Reminders:MaxConcurrentSends"] = "16",
            ["Reminders:BatchSize"] = "500",
            ["Reminders:Lease"] = "00:00:10",
        };
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft", LogLevel.None).AddFilter("System", LogLevel.None))
            .AddMetrics()
            .AddSingleton<IConfiguration>(config)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Benchmark", ContentRootPath = folder });
        services.AddKnowledge().AddSafety().AddMeditation().AddConversationMemory().AddUserData().AddReminders().AddConversation().AddBotFramework();
        return services.BuildServiceProvider();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
