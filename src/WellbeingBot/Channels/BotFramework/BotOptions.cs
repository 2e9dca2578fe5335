using System.ComponentModel.DataAnnotations;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>How the Bot Framework endpoint guards itself; validated on start.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// Lets the Production environment run without Bot Framework credentials, so that anyone can post to /api/messages. Off by
    /// default: a bot must never end up unauthenticated by accident. Development and tests run anonymously, as the Emulator expects.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The largest request body /api/messages reads; Teams' own limit for a message is about 80 KB.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Messages per minute one conversation may send; more get 429 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinutePerConversation { get; set; } = 60;

    /// <summary>
    /// Requests per minute from one client address; more get 429. High by default: with credentials set only the Bot Framework
    /// can post, from few addresses; this mainly bounds an anonymous endpoint.
    /// </summary>
    [Range(1, 100_000_000)]
    public int RequestsPerMinutePerClient { get; set; } = 60_000;

    /// <returns>Why the bot must not start as configured, or null.</returns>
    public static string? Refusal(BotOptions options, IHostEnvironment environment, IConfiguration configuration)
    {
        var hasId = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        var managedIdentity = string.Equals(configuration["MicrosoftAppType"], "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        var hasSecret = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppPassword"]) || managedIdentity;
        if (environment.IsProduction() && !options.AllowAnonymous && !(hasId && hasSecret))
        {
            return "In Production the bot needs its Bot Framework credentials (MicrosoftAppId with MicrosoftAppPassword, or a managed identity); "
                + "set them, or set Bot:AllowAnonymous=true to run without authentication on purpose.";
        }

        return hasId && !hasSecret ? "MicrosoftAppId is set without MicrosoftAppPassword (or MicrosoftAppType=UserAssignedMSI)." : null;
    }
}

/// <summary>Refuses a start that would leave a Production bot unauthenticated by accident.</summary>
public sealed class BotOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : Microsoft.Extensions.Options.IValidateOptions<BotOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, BotOptions options) =>
        BotOptions.Refusal(options, environment, configuration) is { } refusal
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(refusal)
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
