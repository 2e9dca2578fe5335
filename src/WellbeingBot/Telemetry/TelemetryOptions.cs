using System.ComponentModel.DataAnnotations;

namespace WellbeingBot.Telemetry;

/// <summary>Where metrics and traces go; validated on start.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>"none", "console", or "otlp" (endpoint from the standard OTEL_EXPORTER_OTLP_ENDPOINT, default localhost:4317).</summary>
    [RegularExpression("^(none|console|otlp)$", ErrorMessage = "Telemetry:Exporter must be none, console or otlp.")]
    public string Exporter { get; set; } = "none";
}
