using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>
/// Bot Framework authentication whose connector clients are reused per bot, service address and audience. The SDK builds a
/// new client for every turn, and each new client resolves Newtonsoft contracts for the whole activity schema again: about
/// 15 ms of CPU on the first send, which capped reminders at about a hundred a second. That goes for the clients the adapter
/// makes for incoming requests too, and for the user-token client it makes every turn, which this bot (no sign-in) never uses:
/// that one is only made when something asks it for a token. Everything else is delegated.
/// </summary>
public sealed class ConnectorClientCache(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    // Requests name their own service address, so without a bound a stream of made-up ones (an anonymous bot) would grow it forever.
    private const int MaxClients = 1000;

    private readonly ConcurrentDictionary<(string? AppId, string ServiceUrl, string? Audience), Lazy<Task<IConnectorClient>>> clients = new();

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Caching(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Caching(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Microsoft.Bot.Builder.Skills.BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new OnDemandUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken)));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new CachingFactory(this, BotAppId(claimsIdentity), inner.CreateConnectorFactory(claimsIdentity));

    private AuthenticateRequestResult Caching(AuthenticateRequestResult result)
    {
        result.ConnectorFactory = new CachingFactory(this, BotAppId(result.ClaimsIdentity), result.ConnectorFactory);
        return result;
    }

    // The identity the clients act for: a client made for one bot id is never handed to another.
    private static string? BotAppId(ClaimsIdentity identity) =>
        identity.Claims.FirstOrDefault(c => c.Type is AuthenticationConstants.AudienceClaim or AuthenticationConstants.AppIdClaim)?.Value;

    private sealed class CachingFactory(ConnectorClientCache cache, string? appId, ConnectorFactory factory) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var key = (appId, serviceUrl, audience);
            if (!cache.clients.ContainsKey(key) && cache.clients.Count >= MaxClients) // Count locks the whole map: only when a new key comes
            {
                // A real deployment meets a handful of service addresses; past the cap a client is made for the turn alone.
                return await factory.CreateAsync(serviceUrl, audience, cancellationToken);
            }

            var created = cache.clients.GetOrAdd(key, _ => new Lazy<Task<IConnectorClient>>(() => factory.CreateAsync(serviceUrl, audience, CancellationToken.None)));
            try
            {
                return new Shared(await created.Value);
            }
            catch
            {
                cache.clients.TryRemove(key, out _);
                throw;
            }
        }
    }

    // The turn disposes what it was given at its end; the shared client must outlive the turn.
    private sealed class Shared(IConnectorClient client) : IConnectorClient
    {
        public Uri BaseUri { get => client.BaseUri; set => client.BaseUri = value; }

        public JsonSerializerSettings SerializationSettings => client.SerializationSettings;

        public JsonSerializerSettings DeserializationSettings => client.DeserializationSettings;

        public ServiceClientCredentials Credentials => client.Credentials;

        public IAttachments Attachments => client.Attachments;

        public IConversations Conversations => client.Conversations;

        public void Dispose()
        {
        }
    }
}
