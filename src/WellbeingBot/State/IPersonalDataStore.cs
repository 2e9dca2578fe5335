namespace WellbeingBot.State;

/// <summary>
/// A store with tables of its own that holds data about people (reminders). "Forget me" and the retention purge call every
/// one of them, so adding a store cannot leave data behind.
/// </summary>
public interface IPersonalDataStore
{
    Task EraseAsync(UserKey user, CancellationToken cancellationToken);
}
