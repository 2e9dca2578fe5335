using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace WellbeingBot.Tests.Channels.WebChat;

/// <summary>The chat page in a real browser: Web Chat over the bot's own Direct Line, as a visitor uses it.</summary>
[Collection(BrowserTests.Name)]
public sealed class WebChatBrowserTests(BrowserFixture fixture)
{
    private const float Timeout = 20_000;

    [Fact]
    public async Task A_visitor_is_welcomed_asks_a_question_and_gets_a_cited_answer_with_both_notes()
    {
        var page = await OpenAsync("en-US");

        await Expect(page, "I answer questions about ketamine");
        await AskAsync(page, "is ketamine addictive?");

        await Expect(page, "Ketamine does carry a real risk of abuse and misuse");
        await Expect(page, "Caution: ketamine and esketamine are powerful medicines");
        await Expect(page, "Please talk with a doctor or another qualified professional");
        await Expect(page, "FDA approval of Spravato");
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "webchat.png"), FullPage = true });
    }

    [Fact]
    public async Task A_suggested_action_button_sends_its_question()
    {
        var page = await OpenAsync("en-US");
        await Expect(page, "I answer questions about ketamine");
        await AskAsync(page, "can I drive after spravato");
        await Expect(page, "No, you should not drive yourself home");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show the full answer" }).Last.ClickAsync();

        await Expect(page, "Clinics that give IV ketamine");
    }

    [Fact]
    public async Task A_visitor_who_cannot_sleep_follows_a_guided_session_on_its_card_to_the_end()
    {
        var page = await OpenAsync("en-US");
        await Expect(page, "I answer questions about ketamine");
        await AskAsync(page, "I can't sleep");
        await Expect(page, "Here are some short sessions that may help with sleep");

        await page.GetByRole(AriaRole.Button, new() { Name = "Try long, slow exhale (5 min)" }).Last.ClickAsync();
        await Expect(page, "Step 1 of 6");
        for (var step = 2; step <= 6; step++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).Last.ClickAsync();
            await Expect(page, $"Step {step} of 6");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Finish" }).Last.ClickAsync();
        await Expect(page, "Take a moment to notice how you feel, without judging it");
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "webchat-meditation.png"), FullPage = true });
    }

    [Fact]
    public async Task A_crisis_message_shows_the_helplines_of_the_browsers_country()
    {
        var page = await OpenAsync("en-GB");
        await Expect(page, "I answer questions about ketamine");

        await AskAsync(page, "i want to end my life");

        await Expect(page, "116 123");
        await Expect(page, "999");
    }

    [Fact]
    public async Task The_page_and_a_conversation_have_no_serious_accessibility_violations()
    {
        // axe-core is injected by the test, so this context may bypass the page's own script policy.
        var context = await fixture.Browser.NewContextAsync(new() { Locale = "en-US", BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl);
        await Expect(page, "I answer questions about ketamine");
        await AskAsync(page, "what is spravato?");
        await Expect(page, "Show the full answer");

        var results = await page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)").ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));
    }

    [Fact]
    public async Task The_page_loads_nothing_from_other_sites()
    {
        var context = await fixture.Browser.NewContextAsync(new() { Locale = "en-US" });
        var page = await context.NewPageAsync();
        var hosts = new List<string>();
        // data: and blob: addresses are the page's own; anything fetched over the network must come from the bot.
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" or "ws" or "wss")
            {
                hosts.Add(url.Authority);
            }
        };

        await page.GotoAsync(fixture.BaseUrl);
        await Expect(page, "I answer questions about ketamine");

        Assert.All(hosts, h => Assert.Equal(new Uri(fixture.BaseUrl).Authority, h));
    }

    private readonly List<string> console = [];

    private async Task<IPage> OpenAsync(string locale)
    {
        var context = await fixture.Browser.NewContextAsync(new() { Locale = locale, TimezoneId = "Europe/London" });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add($"page error: {error}");
        page.Response += (_, response) => console.Add($"{response.Status} {response.Request.Method} {new Uri(response.Url).PathAndQuery}");
        await page.GotoAsync(fixture.BaseUrl);
        return page;
    }

    private static async Task AskAsync(IPage page, string text)
    {
        var box = page.GetByRole(AriaRole.Textbox).First;
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    // On failure the browser's console goes into the message, since that is where a page that will not start says why.
    private async Task Expect(IPage page, string text)
    {
        try
        {
            await Assertions.Expect(page.GetByText(text, new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = Timeout });
        }
        catch (PlaywrightException e)
        {
            throw new Xunit.Sdk.XunitException($"'{text}' never appeared.\nBrowser console:\n{string.Join('\n', console)}\n{e.Message}");
        }
    }
}
