using WellbeingBot.Bot;
using WellbeingBot.Channels.BotFramework;
using WellbeingBot.Knowledge;
using WellbeingBot.Safety;
using WellbeingBot.State;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddKnowledge();
builder.Services.AddSafety();
builder.Services.AddConversationMemory();
builder.Services.AddConversation();
builder.Services.AddBotFramework();

var app = builder.Build();

app.MapBot();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
