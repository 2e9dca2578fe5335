using System.ComponentModel.DataAnnotations;

namespace WellbeingBot.Reminders;

/// <summary>How reminders are dispatched; validated on start. The defaults follow Teams' limits.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Run the dispatcher in this instance. Every instance may: claims with leases keep sends single.</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>Channels whose conversations can take a message later (a web chat page forgets the visitor when it closes).</summary>
    [MinLength(0)]
    public string[] Channels { get; set; } = ["msteams", "emulator", "test"];

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long a claim holds; a crashed instance's claims pass to another after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A reminder missed while the service was down is still sent within this much of its time, else skipped to the next.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "12:00:00")]
    public TimeSpan MissedWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Sends per second across all conversations (Teams allows 30-50 per app per tenant); 0 means no limit.</summary>
    [Range(0, 100_000)]
    public int MaxSendsPerSecond { get; set; } = 25;

    [Range(1, 1024)]
    public int MaxConcurrentSends { get; set; } = 8;

    /// <summary>Retries of a connector call answered 429, 412, 502 or 504, with exponential backoff and jitter from this delay.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
