namespace WellbeingBot.State.Storage;

/// <summary>The database could not be reached in time; features that need it say so, and everything else carries on.</summary>
public sealed class StorageUnavailableException(Exception? cause = null)
    : Exception("Storage is unavailable for now.", cause);
