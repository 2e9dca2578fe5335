using System.ComponentModel.DataAnnotations;

namespace WellbeingBot.Channels.DirectLine;

/// <summary>The chat page's Direct Line: the bot's own small one, or Azure's when a secret is configured.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>An Azure Bot Service Direct Line secret; when set, the page talks to Azure and the secret never leaves the server.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Azure's Direct Line endpoint (a regional one, such as europe.directline.botframework.com, may be set).</summary>
    [Url]
    public string AzureEndpoint { get; set; } = "https://directline.botframework.com/";

    /// <summary>How long a token of the self-hosted Direct Line is valid; Web Chat refreshes it every 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:16:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A conversation nobody has touched for this long is dropped from memory.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most conversations held at once; the longest idle go first.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Most messages one token may post per minute.</summary>
    [Range(1, 10_000)]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Largest activity accepted, in bytes.</summary>
    [Range(1_024, 1_048_576)]
    public int MaxActivityBytes { get; set; } = 32_768;

    public bool UsesAzure => !string.IsNullOrWhiteSpace(Secret);
}
