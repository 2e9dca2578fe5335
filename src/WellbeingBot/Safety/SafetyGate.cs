using WellbeingBot.Bot;
using WellbeingBot.State;

namespace WellbeingBot.Safety;

/// <summary>What the safety check decided for one message.</summary>
/// <param name="Replies">Replies the safety path sends; empty when it has nothing to say.</param>
/// <param name="Final">When true nothing else may answer this message (a crisis, a check-in answer, helplines).</param>
/// <param name="HelpLine">A gentle line about help for an ordinary answer that touches suicide or self-harm, or null.</param>
/// <param name="Memory">What the conversation remembers after this message.</param>
public sealed record SafetyOutcome(IReadOnlyList<BotReply> Replies, bool Final, string? HelpLine, ConversationMemory Memory);

/// <summary>
/// Runs first on every message, whatever else the conversation is doing, and decides whether the crisis path answers it:
/// a crisis; the answer to "are you safe right now?"; a request for helplines or for the grounding exercise.
/// </summary>
public sealed partial class SafetyGate(
    CrisisDetector detector,
    CountryResolver resolver,
    CrisisComposer composer,
    CrisisTexts texts,
    SafetyMetrics metrics,
    ILogger<SafetyGate> logger)
{
    // A short message after a crisis reply ("ok", "thanks", "idk") gets the check-in alone, not a knowledge answer as well.
    private const int ShortMessageWords = 3;

    /// <param name="savedCountry">The country the person asked the bot to remember, if storage could say; the check never needs it.</param>
    public SafetyOutcome Check(string text, IncomingMessage message, ConversationMemory memory, string? savedCountry = null)
    {
        var assessment = detector.Assess(text, memory.DistressShown, memory.GuardedLastTurn);
        var country = resolver.Resolve(text, memory.CountryCode, savedCountry, message.Country, message.Locale);
        var language = texts.Language(assessment.Language ?? memory.Language);
        var next = memory with
        {
            DistressShown = memory.DistressShown || assessment.Distress,
            CountryCode = country.Source == CountrySource.Said ? country.Code : memory.CountryCode,
            GuardedLastTurn = assessment.Guarded,
        };

        if (assessment.IsCrisis)
        {
            return CrisisReply(assessment.Category!.Value, assessment.Categories, country, language, next);
        }

        if (memory.Stage != CrisisStage.None)
        {
            switch (detector.SafetyAnswer(text))
            {
                case false:
                    var category = memory.LastCrisis ?? CrisisCategory.Suicide;
                    return CrisisReply(category, [category], country, language, next);
                case true:
                    return Final(composer.SafeNow(country, language), next with { Stage = CrisisStage.None });
            }
        }

        if (assessment.AsksForGrounding)
        {
            return Final(composer.Grounding(country, language), next with { Stage = CrisisStage.CheckInAsked });
        }

        if (assessment.AsksForHelplines || (memory.AskedForCountry && country.Source == CountrySource.Said))
        {
            var checkIn = memory.Stage == CrisisStage.CrisisSent;
            return Final(
                composer.Helplines(country, language, askIfSafe: checkIn),
                next with { Stage = checkIn ? CrisisStage.CheckInAsked : CrisisStage.None, AskedForCountry = country.Country is null });
        }

        var helpLine = assessment.SensitiveTopic || assessment.Distress ? composer.Gentle(language) : null;
        if (memory.Stage == CrisisStage.CrisisSent)
        {
            var isShort = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= ShortMessageWords || SmallTalk.Classify(text) != SmallTalkKind.None;
            return new SafetyOutcome([composer.CheckIn(country, language)], isShort, helpLine, next with { Stage = CrisisStage.CheckInAsked });
        }

        return new SafetyOutcome([], false, helpLine, next with { Stage = CrisisStage.None });
    }

    private SafetyOutcome CrisisReply(
        CrisisCategory category, IReadOnlyList<CrisisCategory> all, CountryChoice country, string language, ConversationMemory next)
    {
        var code = country.Country?.Code ?? "unknown";
        metrics.CrisisReply(category, country.Country?.Code);
        LogCrisisReply(logger, category, code, country.Source);
        return Final(
            composer.Crisis(category, all, country, language),
            next with
            {
                DistressShown = true,
                Stage = CrisisStage.CrisisSent,
                LastCrisis = category,
                Language = language,
                AskedForCountry = country.Country is null,
            });
    }

    private static SafetyOutcome Final(BotReply reply, ConversationMemory memory) => new([reply], true, null, memory);

    // Category and country only: never the message, never who sent it.
    [LoggerMessage(Level = LogLevel.Information, Message = "Crisis reply sent: category {Category}, country {Country} (from {CountrySource})")]
    private static partial void LogCrisisReply(ILogger logger, CrisisCategory category, string country, CountrySource countrySource);
}
