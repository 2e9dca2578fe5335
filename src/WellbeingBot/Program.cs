using WellbeingBot.Bot;
using WellbeingBot.Channels.BotFramework;
using WellbeingBot.Channels.DirectLine;
using WellbeingBot.Channels.Teams;
using WellbeingBot.Channels.WebChat;
using WellbeingBot.Health;
using WellbeingBot.Knowledge;
using WellbeingBot.Knowledge.Check;
using WellbeingBot.Meditation;
using WellbeingBot.Reminders;
using WellbeingBot.Safety;
using WellbeingBot.State;
using WellbeingBot.Telemetry;

var builder = WebApplication.CreateBuilder(args);
if (KnowledgeCommand.IsRequested(args))
{
    return KnowledgeCommand.Run(args, builder.Configuration, builder.Environment, TimeProvider.System, Console.Out);
}

if (TeamsCommand.IsRequested(args))
{
    return TeamsCommand.Run(args, builder.Configuration, builder.Environment, Console.Out);
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddKnowledge();
builder.Services.AddSafety();
builder.Services.AddMeditation();
builder.Services.AddConversationMemory();
builder.Services.AddUserData();
builder.Services.AddReminders();
builder.Services.AddConversation();
builder.Services.AddBotFramework();
builder.Services.AddDirectLine();
builder.Services.AddHealth();
builder.Services.AddTelemetry(builder.Configuration);

var app = builder.Build();

app.UseWebChatPage();
app.MapHealth();
app.MapPolicyPages();
app.MapBot();
app.MapDirectLine();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
