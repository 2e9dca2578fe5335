using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace WellbeingBot.Channels.DirectLine;

/// <summary>Exchanges the configured Direct Line secret for a conversation token at Azure, so only the token reaches the browser.</summary>
public sealed partial class AzureDirectLine(HttpClient http, IOptions<DirectLineOptions> options, ILogger<AzureDirectLine> logger)
{
    public async Task<DirectLineToken?> GenerateTokenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.AzureEndpoint), "v3/directline/tokens/generate"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Secret);
        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, (int)response.StatusCode);
                return null;
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = json.RootElement;
            return new DirectLineToken(root.GetProperty("token").GetString()!, root.GetProperty("conversationId").GetString()!, root.GetProperty("expires_in").GetInt32());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogUnreachable(logger, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure Direct Line refused the token request with status {Status}; check DirectLine:Secret")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure Direct Line could not be reached for a token ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string error);
}
