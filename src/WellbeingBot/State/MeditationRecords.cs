namespace WellbeingBot.State;

/// <summary>Where someone is in a guided session: the step on screen and whether they paused.</summary>
public sealed record MeditationPosition(string SessionId, int Step, bool Paused, DateTimeOffset At);

/// <summary>
/// Sessions finished and minutes practised, kept only with consent. There is no streak: a missed day never resets anything,
/// <see cref="Days"/> only ever grows.
/// </summary>
public sealed record MeditationProgress(int Sessions, int Minutes, int Days, DateOnly LastDay)
{
    public MeditationProgress Add(int minutes, DateOnly day) =>
        new(Sessions + 1, Minutes + minutes, day == LastDay ? Days : Days + 1, day);
}
