namespace WellbeingBot.State;

/// <summary>
/// Lets one turn of a conversation run at a time on this instance. Each turn reads the conversation's memory (crisis stage,
/// meditation step, pending consent) and writes it back; two racing turns would otherwise each start from the same memory and
/// the later write would silently undo the earlier, a crisis check-in included. Turns of different conversations never wait.
/// </summary>
public sealed class ConversationTurns(TimeProvider time)
{
    // A turn is bounded by the storage gate's timeouts; should one still hang, the next goes ahead rather than leave a person
    // without an answer (a crisis message above all).
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Gate> gates = new(StringComparer.Ordinal);

    /// <summary>How many conversations have a turn running or waiting; zero when idle, so nothing is kept between turns.</summary>
    public int Active
    {
        get
        {
            lock (gates)
            {
                return gates.Count;
            }
        }
    }

    public async Task<IDisposable> EnterAsync(string? conversationId, CancellationToken cancellationToken)
    {
        if (conversationId is null)
        {
            return Turn.None;
        }

        Gate gate;
        lock (gates)
        {
            if (!gates.TryGetValue(conversationId, out gate!))
            {
                gates[conversationId] = gate = new Gate();
            }

            gate.Users++;
        }

        using var timeout = new CancellationTokenSource(MaxWait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await gate.Semaphore.WaitAsync(either.Token);
            return new Turn(this, conversationId, gate, entered: true);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new Turn(this, conversationId, gate, entered: false);
        }
        catch
        {
            Leave(conversationId, gate, entered: false);
            throw;
        }
    }

    private void Leave(string conversationId, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Semaphore.Release();
        }

        lock (gates)
        {
            if (--gate.Users == 0)
            {
                gates.Remove(conversationId);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn(ConversationTurns? owner, string conversationId, Gate? gate, bool entered) : IDisposable
    {
        public static readonly Turn None = new(null, "", null, false);

        private int disposed;

        public void Dispose()
        {
            if (owner is not null && Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(conversationId, gate!, entered);
            }
        }
    }
}
