import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** What the bot did through the connector: a new message, an update of one, or a new conversation. */
export interface ConnectorCall {
  readonly kind: 'send' | 'update' | 'delete' | 'create-conversation';
  readonly conversationId: string;
  /** The id the connector gave a sent message, or the id of the message updated. */
  readonly activityId: string;
  readonly replyToId: string | undefined;
  readonly activity: Partial<Activity>;
  readonly at: number;
}

/** Lets a test make the "Teams" side misbehave, e.g. throttle a 1:1 send. Return a status to refuse. */
export type FaultInjector = (call: Omit<ConnectorCall, 'activityId' | 'at'>) => number | undefined;

/**
 * A local stand-in for Teams' Bot Connector service: the bot sends its replies, proactive messages
 * and card updates here over HTTP, exactly as it would to Teams' serviceUrl.
 */
export class LocalConnector {
  readonly calls: ConnectorCall[] = [];
  fault: FaultInjector | undefined;
  private server: Server | undefined;
  private nextId = 1;
  private waiters: Array<() => void> = [];
  serviceUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.serviceUrl = `http://127.0.0.1:${port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Messages (new or updated) the bot sent to one conversation, in order. */
  sentTo(conversationId: string): ConnectorCall[] {
    return this.calls.filter(
      (call) => call.conversationId === conversationId || call.conversationId.split(';')[0] === conversationId,
    );
  }

  /** The latest content of a message, after any updates. */
  latest(activityId: string): Partial<Activity> | undefined {
    const calls = this.calls.filter(
      (call) => call.activityId === activityId && (call.kind === 'send' || call.kind === 'update'),
    );
    return calls.at(-1)?.activity;
  }

  /** Waits until a call matching `predicate` has happened (for proactive work done in the background). */
  async waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs = 10_000): Promise<ConnectorCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find(predicate);
      if (found) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`The bot did not send the expected message within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };

    if (req.method === 'POST' && path === '/v3/conversations') {
      const parameters = body as {
        channelData?: { channel?: { id?: string } };
        members?: Array<{ id: string }>;
        activity?: Partial<Activity>;
      };
      const conversationId =
        parameters.channelData?.channel?.id ?? `personal:${parameters.members?.[0]?.id ?? 'unknown'}`;
      const fault = this.fault?.({
        kind: 'create-conversation',
        conversationId,
        replyToId: undefined,
        activity: parameters.activity ?? {},
      });
      if (fault) return send(fault, { error: { code: 'Injected', message: 'fault injected by test' } });
      const activityId = `activity-${this.nextId++}`;
      this.record({
        kind: 'create-conversation',
        conversationId,
        activityId,
        replyToId: undefined,
        activity: parameters.activity ?? {},
        at: Date.now(),
      });
      return send(201, { id: conversationId, activityId });
    }

    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!match) {
      const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && member)
        return send(200, { id: member[2], name: 'Colleague', aadObjectId: member[2] });
      return send(404, { error: { code: 'NotFound', message: `no route for ${req.method} ${path}` } });
    }
    const conversationId = match[1]!;
    const pathActivityId = match[2];
    const activity = body as Partial<Activity>;
    const kind: ConnectorCall['kind'] = req.method === 'PUT' ? 'update' : req.method === 'DELETE' ? 'delete' : 'send';
    const replyToId = kind === 'send' ? pathActivityId : undefined;
    const fault = this.fault?.({ kind, conversationId, replyToId, activity });
    if (fault) return send(fault, { error: { code: 'Injected', message: 'fault injected by test' } });
    const activityId = kind === 'send' ? `activity-${this.nextId++}` : pathActivityId!;
    this.record({
      kind,
      conversationId,
      activityId,
      replyToId,
      activity: { ...activity, id: activityId },
      at: Date.now(),
    });
    return send(kind === 'send' ? 201 : 200, { id: activityId });
  }

  private record(call: ConnectorCall): void {
    this.calls.push(call);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}
