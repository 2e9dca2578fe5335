// Starts Web Chat: a token from the bot (self-hosted Direct Line, or Azure's when the operator configured a secret), then the
// chat in the page's language. Web Chat itself sends the browser's locale and time zone (localTimezone) with each message.
(async function () {
  'use strict';
  const status = document.getElementById('status');
  const show = message => { status.textContent = message; status.hidden = false; };

  if (!window.WebChat) {
    show('The chat could not load. Please reload the page.');
    return;
  }

  let session;
  try {
    const response = await fetch('api/directline/token', { method: 'POST' });
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    session = await response.json();
  } catch {
    show('The chat service is not reachable right now. Please try again in a moment. If you need help now, call your local emergency number.');
    return;
  }

  const directLine = session.domain
    ? window.WebChat.createDirectLine({ token: session.token, domain: session.domain, webSocket: false })
    : window.WebChat.createDirectLine({ token: session.token });

  window.WebChat.renderWebChat(
    {
      directLine,
      locale: navigator.language || 'en-US',
      styleOptions: {
        accent: '#1f5f8b',
        botAvatarInitials: 'WB',
        bubbleBorderRadius: 8,
        bubbleFromUserBackground: '#e8f1f8',
        bubbleFromUserBorderRadius: 8,
        hideUploadButton: true,
        primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        suggestedActionLayout: 'flow'
      }
    },
    document.getElementById('webchat')
  );
  document.querySelector('#webchat input, #webchat textarea')?.focus();
})();
