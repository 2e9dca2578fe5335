using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Tests.State.Storage;

/// <summary>One contract, run on every engine: what Bot Framework state and our own stores rely on.</summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    protected static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private SqlStorage storage = null!;

    protected abstract SqlStorage Create();

    public async Task InitializeAsync()
    {
        storage = Create();
        await storage.EnsureSchemaAsync(CancellationToken.None);
        await storage.EnsureSchemaAsync(CancellationToken.None);
    }

    public virtual Task DisposeAsync()
    {
        storage.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_item_round_trips_with_its_type_and_a_new_etag()
    {
        var key = Key();
        var item = new Preference { Country = "GB", Reminders = ["08:30"] };

        await storage.WriteAsync(new Dictionary<string, object> { [key] = item });
        var read = Assert.IsType<Preference>((await storage.ReadAsync([key, Key()]))[key]);

        Assert.Equal("GB", read.Country);
        Assert.Equal(["08:30"], read.Reminders);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.Equal(item.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_fails_instead_of_losing_the_other_update()
    {
        var key = Key();
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new Preference { Country = "GB" } });
        var first = (Preference)(await storage.ReadAsync([key]))[key];
        var second = (Preference)(await storage.ReadAsync([key]))[key];

        first.Country = "IE";
        await storage.WriteAsync(new Dictionary<string, object> { [key] = first });
        second.Country = "FR";
        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { [key] = second }));

        Assert.Equal(key, conflict.Key);
        Assert.Equal("IE", ((Preference)(await storage.ReadAsync([key]))[key]).Country);
    }

    [Fact]
    public async Task A_star_etag_overwrites_and_a_conflict_rolls_back_the_whole_batch()
    {
        var key = Key();
        var other = Key();
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new Preference { Country = "GB" } });

        await storage.WriteAsync(new Dictionary<string, object> { [key] = new Preference { Country = "DE", ETag = "*" } });
        Assert.Equal("DE", ((Preference)(await storage.ReadAsync([key]))[key]).Country);

        var batch = new Dictionary<string, object> { [other] = new Preference { Country = "US" }, [key] = new Preference { Country = "NL", ETag = "stale" } };
        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(batch));
        Assert.Empty(await storage.ReadAsync([other]));
    }

    [Fact]
    public async Task Bot_state_dictionaries_keep_their_etag_under_the_eTag_key()
    {
        var key = Key();
        var state = new Dictionary<string, object> { ["count"] = 1L };

        await storage.WriteAsync(new Dictionary<string, object> { [key] = state });
        var read = (IDictionary<string, object>)(await storage.ReadAsync([key]))[key];

        Assert.Equal(1L, Convert.ToInt64(read["count"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(state["eTag"], read["eTag"]);
    }

    [Fact]
    public async Task Deleted_items_are_gone()
    {
        var key = Key();
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new Preference { Country = "GB" } });

        await storage.DeleteAsync([key, Key()]);

        Assert.Empty(await storage.ReadAsync([key]));
    }

    [Fact]
    public async Task The_schema_is_at_the_latest_version_and_migrating_again_changes_nothing()
    {
        await storage.EnsureSchemaAsync(CancellationToken.None);

        Assert.Equal(SqlSchema.Latest, await storage.SchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_create_only_write_fails_when_another_writer_created_the_item_first()
    {
        var key = Key();
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new Preference { Country = "GB", ETag = SqlStorage.CreateOnly } });

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { [key] = new Preference { Country = "FR", ETag = SqlStorage.CreateOnly } }));
        Assert.Equal("GB", ((Preference)(await storage.ReadAsync([key]))[key]).Country);
    }

    [Fact]
    public async Task Deleting_a_prefix_removes_exactly_the_items_under_it()
    {
        var prefix = $"{Key()}/";
        var neighbour = prefix.TrimEnd('/') + "x/profile";
        var items = new Dictionary<string, object>
        {
            [prefix + "profile"] = new Preference { Country = "GB" },
            [prefix + "reminder"] = new Preference { Country = "GB" },
            [neighbour] = new Preference { Country = "IE" },
        };
        await storage.WriteAsync(items);

        Assert.Equal(2, (await storage.ListAsync(prefix, CancellationToken.None)).Count);
        Assert.Equal(2, await storage.DeletePrefixAsync(prefix, CancellationToken.None));

        Assert.Empty(await storage.ListAsync(prefix, CancellationToken.None));
        Assert.Single(await storage.ReadAsync([neighbour]));
        Assert.Equal(Time.GetUtcNow(), Assert.Single(await storage.ListAsync(neighbour, CancellationToken.None)).UpdatedAt);
    }

    private static string Key() => $"test/{Guid.NewGuid():N}";

    public sealed class Preference : IStoreItem
    {
        public string? Country { get; set; }

        public List<string> Reminders { get; set; } = [];

        public string? ETag { get; set; }
    }
}

public sealed class SqliteStorageTests : StorageContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"wellbeingbot-sqlite-{Guid.NewGuid():N}");

    protected override SqlStorage Create() => DurableStorage.Sqlite(folder, Path.GetTempPath(), Time);

    [Fact]
    public void The_database_file_is_readable_by_the_service_account_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(Path.Combine(folder, DurableStorage.SqliteFileName));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    // One-item reads go through connections kept open with the read prepared: they must see every write made since, by this
    // instance or another one on the same file, hold up under more concurrent readers than they keep, and a cancelled read
    // must not leave a broken connection behind for the next one.
    [Fact]
    public async Task Kept_reads_see_every_later_write_even_from_another_instance_and_survive_a_cancelled_read()
    {
        using var reader = Create();
        using var writer = Create();
        var key = $"test/{Guid.NewGuid():N}";
        Assert.Empty(await reader.ReadAsync([key]));

        for (var round = 0; round < 5; round++)
        {
            await writer.WriteAsync(new Dictionary<string, object> { [key] = new Preference { Country = $"C{round}" } });
            var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => reader.ReadAsync([key]))));
            Assert.All(reads, r => Assert.Equal($"C{round}", ((Preference)r[key]).Country));
        }

        using (var cancelled = new CancellationTokenSource())
        {
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadAsync([key], cancelled.Token));
        }

        await writer.DeleteAsync([key]);
        Assert.Empty(await reader.ReadAsync([key]));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>
/// The same contract on PostgreSQL. It needs a server: set WELLBEINGBOT_TEST_POSTGRES to an Npgsql connection string
/// (.ci/run installs PostgreSQL, starts it and sets it); without one these tests fail and say so.
/// </summary>
public sealed class PostgreSqlStorageTests : StorageContractTests
{
    public const string Variable = "WELLBEINGBOT_TEST_POSTGRES";

    protected override SqlStorage Create() => DurableStorage.PostgreSql(
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException($"The PostgreSQL storage tests need a server: set {Variable} (bash .ci/run does)."),
        Time);
}
