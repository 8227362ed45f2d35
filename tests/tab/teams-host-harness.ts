/**
 * A small page that plays Teams' part for a tab's configuration page: it loads the tab in an iframe
 * and answers the teams-js postMessage protocol (initialize, getContext, setValidityState,
 * setSettings, the Save button's settings.save event, and authentication.getAuthToken with a token the
 * test signed). It records what the tab told "Teams".
 */
export function teamsHostHarness(
  tabUrl: string,
  options: {
    theme: 'default' | 'dark' | 'contrast';
    frameContext: 'settings' | 'content';
    ssoToken?: string;
    /** A pinned tab's entity id, as the configuration page saved it. */
    entityId?: string;
  },
): string {
  const runtime = {
    apiVersion: 4,
    isLegacyTeams: false,
    supports: {
      pages: { config: {}, backStack: {}, fullTrust: {} },
      teamsCore: {},
      authentication: {},
      appInstallDialog: {},
    },
  };
  // Teams answers getAuthToken with [success, token or reason].
  const tokenReply = options.ssoToken ? [true, options.ssoToken] : [false, 'resourceDisabled'];
  const context = {
    locale: 'en-gb',
    theme: options.theme,
    frameContext: options.frameContext,
    hostClientType: 'web',
    teamId: 'team-1',
    channelId: '19:channel-1@thread.tacv2',
    entityId: options.entityId ?? '',
    userObjectId: 'user',
    tid: 'tenant',
  };
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Teams stand-in</title>
<style>body{margin:0;font-family:sans-serif} iframe{width:100%;height:80vh;border:0} footer{padding:8px}</style></head>
<body>
<iframe id="tab" title="Tab configuration" src="${tabUrl}"></iframe>
<footer><button id="save" disabled>Save</button> <span id="outcome"></span></footer>
<script>
  const frame = document.getElementById('tab');
  const host = { messages: [], validity: undefined, savedConfig: undefined, saveOutcome: undefined };
  window.teamsHost = host;
  const send = (message) => frame.contentWindow.postMessage(message, '*');
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || !event.data || typeof event.data !== 'object') return;
    const message = event.data;
    host.messages.push(message.func);
    const reply = (args) => send({ id: message.id, uuidAsString: message.uuidAsString, args });
    switch (message.func) {
      case 'initialize': return reply(['${options.frameContext}', 'web', ${JSON.stringify(JSON.stringify(runtime))}, '2.0.0']);
      case 'getContext': return reply([${JSON.stringify(context)}]);
      case 'settings.setValidityState':
        host.validity = message.args[0];
        document.getElementById('save').disabled = !host.validity;
        return;
      case 'settings.setSettings':
        host.savedConfig = message.args[0];
        return reply([true]);
      case 'authentication.getAuthToken':
        host.tokensGiven = (host.tokensGiven || 0) + 1;
        return reply(${JSON.stringify(tokenReply)});
      case 'settings.save.success':
        host.saveOutcome = 'success';
        document.getElementById('outcome').textContent = 'Saved';
        return;
      case 'settings.save.failure':
        host.saveOutcome = 'failure: ' + message.args[0];
        return;
      default:
        if (message.id !== undefined) reply([]);
    }
  });
  window.changeTheme = (theme) => send({ func: 'themeChange', args: [theme] });
  document.getElementById('save').addEventListener('click', () => send({ func: 'settings.save', args: [{}] }));
</script>
</body></html>`;
}
