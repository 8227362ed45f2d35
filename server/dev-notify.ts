import type { Server } from 'restify';
import type { LocalNotification, LocalNotifyServer } from '../storage/local-notify.js';

/**
 * Local mode only: what the local GOV.UK Notify server received (recipient, template, personalisation, status),
 * as a page at /dev/notify and as JSON at /dev/notify.json, newest first. Never served in Azure.
 */
export function registerDevNotifyRoutes(server: Server, notify: LocalNotifyServer): void {
  const newestFirst = () => [...notify.received()].reverse();
  server.get('/dev/notify.json', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(200, { notifications: newestFirst().map(publicShape) });
  });
  server.get('/dev/notify', async (_req, res) => {
    const rows = newestFirst()
      .map(
        (
          item,
        ) => `<tr><td>${escape(new Date(item.createdAt).toLocaleString('en-GB'))}</td><td>${escape(channelName(item.type))}</td>
<td>${escape(item.recipient)}</td><td>${escape(item.templateName)}</td><td>${escape(item.status)}</td>
<td><dl>${Object.entries(item.personalisation)
          .map(([key, value]) => `<dt>${escape(key)}</dt><dd>${escape(value)}</dd>`)
          .join(
            '',
          )}</dl></td><td><pre>${escape(item.subject ? `${item.subject}\n\n${item.body}` : item.body)}</pre></td></tr>`,
      )
      .join('\n');
    const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local GOV.UK Notify: messages received</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem;line-height:1.4}table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;padding:.4rem;vertical-align:top;text-align:left}pre{white-space:pre-wrap;margin:0;font:inherit}dl{margin:0}dt{font-weight:bold}dd{margin:0 0 .3rem}</style></head>
<body><main><h1>Local GOV.UK Notify: messages received</h1>
<p>Local mode only. The app sends partners' messages here with the real GOV.UK Notify client; nothing leaves this machine. As JSON: <a href="/dev/notify.json">/dev/notify.json</a>.</p>
${rows ? `<table><thead><tr><th scope="col">Received</th><th scope="col">Channel</th><th scope="col">To</th><th scope="col">Template</th><th scope="col">Status</th><th scope="col">Personalisation</th><th scope="col">Message</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>Nothing received yet.</p>'}
</main></body></html>`;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.writeHead(200);
    res.end(html);
  });
}

function publicShape(item: LocalNotification) {
  return {
    id: item.id,
    type: item.type,
    recipient: item.recipient,
    templateId: item.templateId,
    templateName: item.templateName,
    reference: item.reference,
    personalisation: item.personalisation,
    subject: item.subject,
    body: item.body,
    status: item.status,
    createdAt: item.createdAt,
  };
}

const channelName = (type: LocalNotification['type']) =>
  type === 'sms' ? 'Text message' : type === 'email' ? 'Email' : 'Letter';

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}
