using System.Net;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Channels.WebChat;

/// <summary>
/// <c>GET /privacy</c> and <c>GET /terms</c>: the reviewed privacy note and the caution and seek-help notes as plain pages, which
/// the Teams app manifest links to.
/// </summary>
public static class PolicyPages
{
    public static IEndpointRouteBuilder MapPolicyPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/privacy", (Notes notes) => Page("Privacy", notes.Privacy));
        app.MapGet("/terms", (Notes notes) => Page("Terms of use", $"{notes.Caution}\n\n{notes.SeekHelp}"));
        return app;
    }

    private static IResult Page(string title, string text)
    {
        var paragraphs = string.Concat(text.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        return Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>WellbeingBot: {title}</title>"
            + $"<link rel=\"stylesheet\" href=\"/site.css\"></head><body><main><h1>WellbeingBot: {title}</h1>{paragraphs}</main></body></html>",
            "text/html; charset=utf-8");
    }
}
