using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;
using WellbeingBot.Channels.BotFramework;

namespace WellbeingBot.Tests.Channels.BotFramework;

/// <summary>What the adapter makes per turn is made once: connector clients for replies, and no user-token client unless used.</summary>
public sealed class ConnectorClientCacheTests
{
    private static readonly Activity Incoming = new() { Type = ActivityTypes.Message, ServiceUrl = "https://smba.example/emea/" };

    [Fact]
    public async Task Turns_from_one_service_address_share_one_connector_client_that_a_turn_cannot_dispose()
    {
        var inner = new CountingAuthentication();
        var cache = new ConnectorClientCache(inner);

        var clients = new List<IConnectorClient>();
        for (var turn = 0; turn < 3; turn++)
        {
            var result = await cache.AuthenticateRequestAsync(Incoming, "Bearer x", CancellationToken.None);
            var client = await result.ConnectorFactory.CreateAsync(Incoming.ServiceUrl, "audience", CancellationToken.None);
            client.Dispose(); // as the adapter does at the end of a turn
            clients.Add(client);
        }

        Assert.Equal(1, inner.ClientsMade);
        Assert.False(inner.Made.Single().Disposed);

        // Proactive sends (reminders) use the same client.
        var proactive = await cache.CreateConnectorFactory(new ClaimsIdentity()).CreateAsync(Incoming.ServiceUrl, "audience", CancellationToken.None);
        Assert.Equal(1, inner.ClientsMade);
        Assert.Same(inner.Made.Single().Conversations, proactive.Conversations);
    }

    [Fact]
    public async Task Made_up_service_addresses_past_the_cap_get_a_client_for_their_turn_only()
    {
        var inner = new CountingAuthentication();
        var factory = (await new ConnectorClientCache(inner).AuthenticateRequestAsync(Incoming, "", CancellationToken.None)).ConnectorFactory;
        for (var i = 0; i < 1000; i++)
        {
            await factory.CreateAsync($"https://made-up-{i}.example/", "audience", CancellationToken.None);
        }

        var late = await factory.CreateAsync("https://one-more.example/", "audience", CancellationToken.None);
        late.Dispose();
        await factory.CreateAsync("https://one-more.example/", "audience", CancellationToken.None);

        Assert.Equal(1002, inner.ClientsMade);
        Assert.True(inner.Made[1000].Disposed);
    }

    [Fact]
    public async Task The_user_token_client_is_made_only_when_something_asks_it_for_a_token()
    {
        var inner = new CountingAuthentication();
        var cache = new ConnectorClientCache(inner);

        using var unused = await cache.CreateUserTokenClientAsync(new ClaimsIdentity(), CancellationToken.None);
        Assert.Equal(0, inner.TokenClientsMade);

        using var used = await cache.CreateUserTokenClientAsync(new ClaimsIdentity(), CancellationToken.None);
        await Assert.ThrowsAsync<NotSupportedException>(() => used.GetUserTokenAsync("user", "connection", "msteams", null!, CancellationToken.None));
        Assert.Equal(1, inner.TokenClientsMade);
    }

    private sealed class CountingAuthentication : BotFrameworkAuthentication
    {
        public List<FakeClient> Made { get; } = [];

        public int ClientsMade => Made.Count;

        public int TokenClientsMade { get; private set; }

        public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
            Task.FromResult(new AuthenticateRequestResult { ClaimsIdentity = new ClaimsIdentity(), ConnectorFactory = new Factory(this) });

        public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
            AuthenticateRequestAsync(Incoming, authHeader, cancellationToken);

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => new Factory(this);

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        {
            TokenClientsMade++;
            return Task.FromResult<UserTokenClient>(new RefusingTokenClient());
        }

        public override Microsoft.Bot.Builder.Skills.BotFrameworkClient CreateBotFrameworkClient() => throw new NotSupportedException();

        public override string GetOriginatingAudience() => "audience";

        public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
            Task.FromResult(new ClaimsIdentity());

        private sealed class Factory(CountingAuthentication owner) : ConnectorFactory
        {
            public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
            {
                var client = new FakeClient(new Uri(serviceUrl));
                owner.Made.Add(client);
                return Task.FromResult<IConnectorClient>(client);
            }
        }
    }

    private sealed class FakeClient(Uri baseUri) : IConnectorClient
    {
        public bool Disposed { get; private set; }

        public Uri BaseUri { get; set; } = baseUri;

        public JsonSerializerSettings SerializationSettings { get; } = new();

        public JsonSerializerSettings DeserializationSettings { get; } = new();

        public ServiceClientCredentials Credentials => null!;

        public IAttachments Attachments => null!;

        public IConversations Conversations { get; } = new ConversationsStub();

        public void Dispose() => Disposed = true;

        private sealed class ConversationsStub : IConversations
        {
            public Task<HttpOperationResponse<ConversationsResult>> GetConversationsWithHttpMessagesAsync(string continuationToken = null!, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse<ConversationResourceResponse>> CreateConversationWithHttpMessagesAsync(ConversationParameters parameters, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse<ResourceResponse>> SendToConversationWithHttpMessagesAsync(string conversationId, Activity activity, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse<ResourceResponse>> SendConversationHistoryWithHttpMessagesAsync(string conversationId, Transcript transcript = null!, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse<ResourceResponse>> UpdateActivityWithHttpMessagesAsync(string conversationId, string activityId, Activity activity, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse<ResourceResponse>> ReplyToActivityWithHttpMessagesAsync(string conversationId, string activityId, Activity activity, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse> DeleteActivityWithHttpMessagesAsync(string conversationId, string activityId, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse<IList<ChannelAccount>>> GetConversationMembersWithHttpMessagesAsync(string conversationId, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse<ChannelAccount>> GetConversationMemberWithHttpMessagesAsync(string userId, string conversationId, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse<PagedMembersResult>> GetConversationPagedMembersWithHttpMessagesAsync(string conversationId, int? pageSize = null, string continuationToken = null!, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse> DeleteConversationMemberWithHttpMessagesAsync(string conversationId, string memberId, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse<IList<ChannelAccount>>> GetActivityMembersWithHttpMessagesAsync(string conversationId, string activityId, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<HttpOperationResponse<ResourceResponse>> UploadAttachmentWithHttpMessagesAsync(string conversationId, AttachmentData attachmentUpload, Dictionary<string, List<string>> customHeaders = null!, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        }
    }

    private sealed class RefusingTokenClient : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
