using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.Bot;
using WellbeingBot.State;
using WellbeingBot.State.Storage;
using WellbeingBot.Tests.State.Storage;

namespace WellbeingBot.Tests.State;

/// <summary>
/// Consent, "what do you know about me", "forget me", racing updates and retention, as transcripts over the real engine, run
/// on both storage engines. What storage holds is read back from the database itself, never from the bot's own answers.
/// </summary>
public abstract class UserDataContractTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services;

    protected UserDataContractTests(IDictionary<string, string?> settings)
    {
        services = TestConversation.Services(time, settings);
    }

    private SqlStorage Storage => services.GetRequiredService<SqlStorage>();

    [Fact]
    public async Task Declining_consent_stores_nothing_and_the_bot_stays_fully_usable()
    {
        var person = Person();

        var question = Assert.Single(await Say(person, "c1", "my country is Ireland"));
        Assert.Equal([PrivacyReplies.ConsentYes, PrivacyReplies.ConsentNo], question.Suggestions);
        Assert.Contains("Never what you write", question.Text, StringComparison.Ordinal);

        Assert.Contains("won't store anything", Assert.Single(await Say(person, "c1", PrivacyReplies.ConsentNo)).Text, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Answer, Assert.Single(await Say(person, "c1", "is ketamine addictive?")).Kind);
        var crisis = await Say(person, "c1", "i want to end my life");
        Assert.Contains(crisis, r => r.Urgent && r.Text.Contains("Samaritans Ireland", StringComparison.Ordinal));

        Assert.Empty(await RowsOf(person));
    }

    [Fact]
    public async Task Consent_stores_the_country_and_a_later_conversation_uses_it_for_crisis_help()
    {
        var person = Person();
        var before = await Say(person, "c1", "i want to end my life");
        Assert.DoesNotContain(before, r => r.Text.Contains("Samaritans Ireland", StringComparison.Ordinal));

        await Say(person, "c2", "I live in Ireland");
        Assert.Contains("Saved", Assert.Single(await Say(person, "c2", "yes")).Text, StringComparison.Ordinal);
        Assert.Single(await RowsOf(person));

        var later = await Say(person, "c3", "i want to end my life");
        Assert.Contains(later, r => r.Urgent && r.Text.Contains("Samaritans Ireland", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_do_you_know_lists_what_is_stored_in_plain_words()
    {
        var person = Person();
        await Say(person, "c1", "set my country to Ireland");
        await Say(person, "c1", PrivacyReplies.ConsentYes);

        var reply = Assert.Single(await Say(person, "c2", "what do you know about me?"));

        Assert.Contains("that you agreed on 28 November 2026", reply.Text, StringComparison.Ordinal);
        Assert.Contains("your country, Ireland, for helplines", reply.Text, StringComparison.Ordinal);
        Assert.Contains("deleted 180 days after your last message", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_me_leaves_nothing_about_the_person_in_storage()
    {
        var person = Person();
        var other = Person();
        foreach (var who in new[] { person, other })
        {
            await Say(who, "c-" + who, "my country is Ireland");
            await Say(who, "c-" + who, "yes");
        }

        Assert.NotEmpty(await RowsOf(person));

        Assert.Equal([PrivacyReplies.ForgetYes, PrivacyReplies.ForgetNo], Assert.Single(await Say(person, "c9", "forget me")).Suggestions);
        Assert.Contains("deleted everything", Assert.Single(await Say(person, "c9", PrivacyReplies.ForgetYes)).Text, StringComparison.Ordinal);

        var hash = UserKey.From(person)!.Value.Value;
        var everything = await Storage.ListAsync("", CancellationToken.None);
        Assert.DoesNotContain(everything, row => row.Key.Contains(hash, StringComparison.Ordinal));
        var values = await Storage.ReadAsync([.. everything.Select(r => r.Key)]);
        Assert.DoesNotContain(values.Values.OfType<StoredDocument>(), d => d.Json.Contains(person, StringComparison.Ordinal));
        Assert.NotEmpty(await RowsOf(other));
        Assert.Contains("not holding anything", Assert.Single(await Say(person, "c10", "what do you know about me")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Racing_updates_of_one_person_all_land()
    {
        var user = UserKey.From(Person())!.Value;
        var store = services.GetRequiredService<UserDataStore>();
        await store.UpdateAsync(user, _ => new UserProfile(time.GetUtcNow(), time.GetUtcNow(), ""), CancellationToken.None);

        // Each writer appends its letter; a lost update would lose a letter.
        var letters = "ABCDEFGH";
        await Task.WhenAll(letters.Select(letter => Task.Run(() =>
            store.UpdateAsync(user, p => p! with { CountryCode = p.CountryCode + letter }, CancellationToken.None))));

        var final = await store.GetAsync(user, CancellationToken.None);
        Assert.Equal(letters, string.Concat(final!.CountryCode!.Order()));
    }

    [Fact]
    public async Task People_inactive_for_the_retention_period_are_purged_and_activity_restarts_the_clock()
    {
        var quiet = Person();
        var active = Person();
        foreach (var who in new[] { quiet, active })
        {
            await Say(who, "c-" + who, "my country is Ireland");
            await Say(who, "c-" + who, "yes");
        }

        time.Advance(TimeSpan.FromDays(100));
        await Say(active, "c-later", "is ketamine addictive?");
        time.Advance(TimeSpan.FromDays(81));
        await services.GetRequiredService<StorageMaintenance>().RunOnceAsync(CancellationToken.None);

        Assert.Empty(await RowsOf(quiet));
        Assert.NotEmpty(await RowsOf(active));
    }

    public void Dispose()
    {
        services.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string Person() => $"msteams:29:{Guid.NewGuid():N}";

    private Task<IReadOnlyList<BotReply>> Say(string person, string conversation, string text) =>
        services.GetRequiredService<ConversationEngine>().RespondAsync(
            new IncomingMessage(text, Locale: "en-US", ConversationId: conversation + person, UserId: person), CancellationToken.None);

    private async Task<IReadOnlyList<(string Key, DateTimeOffset UpdatedAt)>> RowsOf(string person) =>
        await Storage.ListAsync(UserDataStore.Prefix(UserKey.From(person)!.Value), CancellationToken.None);
}

public sealed class SqliteUserDataTests() : UserDataContractTests(new Dictionary<string, string?>());

/// <summary>The same on PostgreSQL; needs WELLBEINGBOT_TEST_POSTGRES, as the storage contract does.</summary>
public sealed class PostgreSqlUserDataTests() : UserDataContractTests(new Dictionary<string, string?>
{
    ["Storage:PostgreSql"] = Environment.GetEnvironmentVariable(PostgreSqlStorageTests.Variable) is { Length: > 0 } connection
        ? connection
        : throw new InvalidOperationException($"The PostgreSQL tests need a server: set {PostgreSqlStorageTests.Variable} (bash .ci/run does)."),
});
