using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WellbeingBot.Bot;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>
/// What every adapter does when a turn fails: log the failure (never the message) and tell the user plainly where help is.
/// Shared by the Bot Framework adapter and the self-hosted Direct Line's.
/// </summary>
public static partial class TurnErrors
{
    public static Func<ITurnContext, Exception, Task> Handler(ReplyComposer composer, ILogger logger) =>
        async (turnContext, exception) =>
        {
            // A proactive turn (a reminder) has nobody to apologise to: its sender must see the failure and decide.
            if (turnContext.Activity?.Name == ActivityEventNames.ContinueConversation)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
            }

            LogTurnFailed(logger, turnContext.Activity?.Type ?? "unknown", exception);
            try
            {
                await turnContext.SendActivityAsync(ActivityMapper.ToActivity(composer.Apology()), CancellationToken.None);
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
            {
                // The channel cannot be reached (a bad or dead service address): nobody can be told, and the request itself was fine.
                LogApologyFailed(logger, sendFailure);
            }
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The apology for a failed turn could not be sent either")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {ActivityType} turn failed; the user was sent an apology")]
    private static partial void LogTurnFailed(ILogger logger, string activityType, Exception exception);
}
