using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace WellbeingBot.Tests;

/// <summary>A fresh bot per test, with the real knowledge base and no Bot Framework credentials (as the Emulator uses it).</summary>
public sealed class WellbeingBotApplication(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
    }
}
