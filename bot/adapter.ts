import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import type { Next, Request, Response } from 'restify';
import { z } from 'zod';
import type { BotCredentials } from '../server/config.js';
import type { Logger } from '../server/logger.js';

export interface AdapterOptions {
  /**
   * Tests only: where the Bot Framework's signing keys are published (an OpenID configuration URL),
   * instead of login.botframework.com, so that real signed tokens can be checked offline.
   */
  readonly openIdMetadataUrl?: string;
}

/** Teams' channel id: the only channel this bot serves, and the one its tokens' signing keys must endorse. */
const TEAMS_CHANNEL = 'msteams';

/**
 * The Bot Framework adapter, and the `/api/messages` endpoint in front of it. With credentials, every
 * inbound request's token is verified before its body is read, and outbound calls are authenticated
 * (password or user-assigned managed identity). Without them (local mode only; production refuses to
 * start) token checks are off.
 */
export class TeamsAdapter extends CloudAdapter {
  private readonly tokensRequired: boolean;

  constructor(credentials: BotCredentials | undefined, logger: Logger, options: AdapterOptions = {}) {
    const settings = {
      MicrosoftAppId: credentials?.appId ?? '',
      MicrosoftAppPassword: credentials?.appPassword ?? '',
      MicrosoftAppType: credentials?.appType ?? 'MultiTenant',
      MicrosoftAppTenantId: credentials?.tenantId ?? '',
      ...(options.openIdMetadataUrl ? publicCloudWithKeysFrom(options.openIdMetadataUrl) : {}),
    };
    const credentialsFactory = new ConfigurationServiceClientCredentialFactory(settings);
    super(new ConfigurationBotFrameworkAuthentication(settings, credentialsFactory));
    this.tokensRequired = credentials !== undefined;
    this.onTurnError = async (context: TurnContext, error: Error) => {
      logger.error(
        { err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type },
        'unhandled bot error',
      );
      if (context.activity.type === 'message') {
        await context
          .sendActivity(
            'Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.',
          )
          .catch(() => undefined);
      }
    };
  }

  /**
   * First handler of `/api/messages`: the token, from the header alone, before anything reads the body.
   * botbuilder answers some bad tokens (a forged signature, `alg: none`, keys it cannot fetch) with an
   * error that is not an AuthenticationError; here every failure is a 401.
   */
  readonly verifyToken = (req: Request, res: Response, next: Next): void => {
    if (!this.tokensRequired) return next();
    this.botFrameworkAuthentication.authenticateStreamingRequest(authorizationOf(req), TEAMS_CHANNEL).then(
      () => next(),
      () => {
        req.resume(); // the body is never read: discarded as it arrives
        answerProblem(res, NOT_AUTHENTICATED);
        next(false);
      },
    );
  };

  /**
   * Last handler of `/api/messages`, after the token check and `jsonBody`: verifies the token against
   * what the body claims (its serviceUrl, its channel), checks the activity's shape (400 in plain words),
   * then runs the turn.
   */
  readonly handleActivity = async (
    req: Request,
    res: Response,
    logic: (context: TurnContext) => Promise<void>,
    log: Logger,
  ): Promise<void> => {
    let authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(
        claimsOf(req.body),
        authorizationOf(req),
      );
    } catch {
      return answerProblem(res, NOT_AUTHENTICATED);
    }
    const activity = parseActivity(req.body);
    if ('problem' in activity) return answerProblem(res, activity.problem);
    try {
      const invokeResponse = await this.processActivity(authenticated, activity.activity, logic);
      if (invokeResponse?.body === undefined) res.send(invokeResponse?.status ?? 200);
      else res.json(invokeResponse.status, invokeResponse.body);
    } catch (error) {
      log.error(
        {
          err:
            error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
        },
        'bot endpoint failed',
      );
      answerProblem(res, {
        status: 500,
        title: 'Something went wrong',
        detail: 'Something went wrong on our side and nothing was changed. Please try again.',
      });
    }
  };
}

/** Kept for callers that only need the adapter (proactive messages). */
export function createAdapter(
  credentials: BotCredentials | undefined,
  logger: Logger,
  options: AdapterOptions = {},
): TeamsAdapter {
  return new TeamsAdapter(credentials, logger, options);
}

interface ActivityProblem {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors?: ReadonlyArray<{ field: string; message: string }>;
}

const NOT_AUTHENTICATED: ActivityProblem = {
  status: 401,
  title: 'Not signed in',
  detail: 'This address only accepts messages from Microsoft Teams with a valid Bot Framework token.',
};

const text = z.string().max(10_000);
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();
const account = z.looseObject({
  id: z.string().min(1).max(1_000),
  name: optional(text),
  aadObjectId: optional(z.string().max(200)),
});

/**
 * What the bot relies on in an activity. Loose: Teams adds fields over time, and the bot ignores what
 * it does not know; strict where a wrong type would break a turn.
 */
const activitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  id: optional(z.string().max(1_000)),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2_000),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: z.string().min(1).max(1_000),
    conversationType: optional(z.string().max(50)),
    tenantId: optional(z.string().max(200)),
    isGroup: optional(z.boolean()),
  }),
  name: optional(z.string().max(200)),
  text: optional(z.string().max(100_000)),
  replyToId: optional(z.string().max(1_000)),
  timestamp: optional(z.string().max(100)),
  localTimestamp: optional(z.string().max(100)),
  attachments: optional(
    z
      .array(
        z.looseObject({
          contentType: optional(z.string().max(300)),
          contentUrl: optional(z.string().max(4_000)),
          name: optional(z.string().max(1_000)),
        }),
      )
      .max(100),
  ),
  entities: optional(z.array(z.looseObject({ type: optional(z.string().max(200)) })).max(100)),
  membersAdded: optional(z.array(account).max(1_000)),
  membersRemoved: optional(z.array(account).max(1_000)),
  channelData: optional(z.looseObject({})),
});

const FIELD_NAMES: Readonly<Record<string, string>> = {
  type: 'the activity type',
  channelId: 'the channel',
  serviceUrl: 'the service address (serviceUrl)',
  from: 'the sender',
  recipient: 'the recipient',
  conversation: 'the conversation',
};

/** The activity, or a 400 problem in plain words naming what is missing or wrong (never the parser's message). */
function parseActivity(body: unknown): { activity: Activity } | { problem: ActivityProblem } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      problem: {
        status: 400,
        title: 'Not a Teams activity',
        detail: 'The request must be one Bot Framework activity: a JSON object.',
      },
    };
  }
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.slice(0, 20).map((issue) => {
      const field = issue.path.map(String).join('.') || 'activity';
      const top = String(issue.path[0] ?? '');
      return { field, message: `${FIELD_NAMES[top] ?? field} is missing or not valid` };
    });
    return {
      problem: {
        status: 400,
        title: 'Not a Teams activity',
        detail:
          'The activity could not be read: it needs a type, a channel, a service address, a sender, a recipient and a conversation.',
        errors,
      },
    };
  }
  const activity = parsed.data as unknown as Activity & { rawTimestamp?: string; rawLocalTimestamp?: string };
  // As botbuilder's own validator does: the SDK expects Date objects here and keeps the original text.
  if (typeof parsed.data.timestamp === 'string') {
    activity.rawTimestamp = parsed.data.timestamp;
    activity.timestamp = new Date(parsed.data.timestamp);
  }
  if (typeof parsed.data.localTimestamp === 'string') {
    activity.rawLocalTimestamp = parsed.data.localTimestamp;
    activity.localTimestamp = new Date(parsed.data.localTimestamp);
  }
  return { activity };
}

/**
 * Only what botbuilder's token check reads from an activity, as text whatever the body is. Where the body
 * has no such text, the check has nothing to compare the token with (botbuilder skips it) and the shape
 * check that follows refuses the activity.
 */
function claimsOf(body: unknown): Activity {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
  return { channelId: textOf(record.channelId), serviceUrl: textOf(record.serviceUrl) } as Activity;
}

function authorizationOf(req: Request): string {
  return req.header('authorization') ?? '';
}

function answerProblem(res: Response, problem: ActivityProblem): void {
  res.sendRaw(problem.status, JSON.stringify(problem), {
    'content-type': 'application/problem+json; charset=utf-8',
    'cache-control': 'no-store',
  });
}

/** The public cloud's Bot Framework settings with the signing keys taken from elsewhere (tests). */
function publicCloudWithKeysFrom(openIdMetadataUrl: string): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl:
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: 'urn:botframework:azure',
  };
}
