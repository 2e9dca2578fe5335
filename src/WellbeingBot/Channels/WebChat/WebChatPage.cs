using Microsoft.Extensions.Options;
using WellbeingBot.Channels.DirectLine;

namespace WellbeingBot.Channels.WebChat;

/// <summary>
/// <c>GET /</c>: the chat page (wwwroot/index.html) with Bot Framework Web Chat bundled by the build. A content security policy
/// holds the page to its own origin (plus Azure's Direct Line when a secret is configured), so it loads nothing from elsewhere.
/// </summary>
public static class WebChatPage
{
    public static WebApplication UseWebChatPage(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var azure = options.UsesAzure ? new Uri(options.AzureEndpoint).Host : null;
        // Web Chat styles itself with inline style elements, and its Adaptive Card renderer may show data: images.
        var connect = azure is null ? "'self'" : $"'self' https://{azure} wss://{azure}";
        var policy = $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src {connect}; "
                     + "font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'none'";
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/directline"))
            {
                context.Response.Headers.ContentSecurityPolicy = policy;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
            }

            await next();
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
