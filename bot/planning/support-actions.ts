import { randomUUID } from 'node:crypto';
import { supportRequestCard } from './support-request-card.js';
import { supportRequestFormCard } from './support-request-form-card.js';
import { supportSentCard } from './support-sent-card.js';
import { supportTakenCard } from './support-taken-card.js';
import { messageCard } from '../cards/message-card.js';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import { isIevMember } from '../../domain/people/actor.js';
import type { DirectoryService } from '../../domain/people/directory-service.js';
import type { IevChannel } from '../../domain/people/iev-channel.js';
import type { PlanService } from '../../domain/planning/plan-service.js';
import type { SupportService } from '../../domain/planning/support-service.js';
import type { SupportRequest } from '../../domain/planning/support-request.js';
import type { Versioned } from '../../storage/repository.js';
import type { PartnerStore } from '../../storage/partner-store.js';
import type { RegisterService } from '../../domain/register/register-service.js';
import type { Logger } from '../../server/logger.js';
import type { Messenger } from '../messenger.js';
import { isInChannel } from '../conversation-address.js';
import { on, type ActionRoute, type CommandRoute, type Turn } from '../feature.js';
import { keptValues } from './card-values.js';
import { SUPPORT_VERBS } from './planning-verbs.js';

export interface SupportDependencies {
  readonly plans: PlanService;
  readonly support: SupportService;
  readonly partners: PartnerStore;
  /** The register's rules (need to know) for partner details shown on cards. */
  readonly register: RegisterService;
  readonly ievChannel: IevChannel;
  readonly directory: DirectoryService;
  readonly messenger: () => Messenger;
  readonly logger: Logger;
  readonly today: () => Date;
}

const brokenPlanButton = {
  damaged: () => ({ message: 'That button didn\u2019t work. Type \u201cmy plans\u201d to open your plan.' }),
};
const damagedRequestCard = {
  damaged: () => ({ message: 'That card is damaged. Ask the IEV team to look at open support requests.' }),
};

/** "New Works": a host asks the IEV team for help from a plan; an IEV member takes it on from the channel card. */
export function supportActions(deps: SupportDependencies): ActionRoute[] {
  return [
    on(
      SUPPORT_VERBS.start,
      async (turn, { planId }) => {
        const plan = await deps.plans.open(turn.actor, planId);
        return { card: supportRequestFormCard({ planId: plan.id, planTitle: plan.title, op: randomUUID() }) };
      },
      brokenPlanButton,
    ),
    on(
      SUPPORT_VERBS.send,
      async (turn, { planId, op }, inputs) => {
        try {
          const { request } = await deps.support.request(turn.actor, planId, op, inputs);
          const posted = request.channelPost ? request : await postToChannel(deps, request);
          return { card: supportSentCard(posted, posted.channelPost !== undefined) };
        } catch (error) {
          if (!(error instanceof ValidationError) || error.problems.length === 0) throw error;
          const plan = await deps.plans.open(turn.actor, planId);
          return {
            card: supportRequestFormCard({
              planId: plan.id,
              planTitle: plan.title,
              op,
              values: keptValues(inputs, { kinds: 200, description: 2000 }),
              problems: error.problems,
            }),
          };
        }
      },
      brokenPlanButton,
    ),
    on(
      SUPPORT_VERBS.refresh,
      async (turn, ref) => {
        const request = await viewOf(deps, turn, ref);
        return { card: supportRequestCard(request, isIevMember(turn.actor) ? 'iev' : 'everyone') };
      },
      damagedRequestCard,
    ),
    on(
      SUPPORT_VERBS.take,
      async (turn, ref) => {
        try {
          const { request, tookIt } = await deps.support.take(turn.actor, ref.hostId, ref.requestId);
          if (tookIt) {
            await updatePostIfNotPressedThere(deps, request, turn.context.activity.replyToId);
            await tellHost(deps, request);
          }
          return { card: supportRequestCard(request, 'iev'), updateForEveryone: true };
        } catch (error) {
          // Someone outside the IEV team pressed a forged or stale button: show them the status, change nothing.
          if (!(error instanceof ForbiddenError)) throw error;
          return { card: supportRequestCard(await viewOf(deps, turn, ref), 'everyone') };
        }
      },
      damagedRequestCard,
    ),
  ];
}

export function supportCommands(deps: SupportDependencies): CommandRoute[] {
  return [
    {
      command: 'support requests',
      description: 'IEV team only: see New Works requests nobody has picked up yet',
      patterns: [/^(open )?support requests?\b/i, /^new works\b/i],
      handle: async (turn) => {
        const open = await deps.support.openRequests(turn.actor);
        if (open.length === 0) {
          await turn.sendCard(messageCard('No open support requests', 'Every New Works request has been picked up.'));
          return;
        }
        for (const request of open.slice(0, 10)) await turn.sendCard(supportRequestCard(request, 'iev'));
      },
    },
  ];
}

/** The request as the presser may see it: only in the IEV channel, or by its host or IEV. */
async function viewOf(
  deps: SupportDependencies,
  turn: Turn,
  ref: { hostId: string; requestId: string },
): Promise<Versioned<SupportRequest>> {
  const inIevChannel = isInChannel(turn.context.activity, (await deps.ievChannel.address())?.conversationId);
  return deps.support.view(turn.actor, ref.hostId, ref.requestId, { inIevChannel });
}

async function postToChannel(
  deps: SupportDependencies,
  request: Versioned<SupportRequest>,
): Promise<Versioned<SupportRequest>> {
  const address = await deps.ievChannel.address();
  if (!address) {
    deps.logger.warn({ requestId: request.id }, 'support request kept: no IEV channel set up');
    return request;
  }
  try {
    const activityId = await deps.messenger().sendCard(address, supportRequestCard(request, 'everyone'));
    return activityId ? await deps.support.recordPost(request, address, activityId) : request;
  } catch (error) {
    deps.logger.warn(
      { requestId: request.id, err: { message: (error as Error).message } },
      'could not post support request to the IEV channel',
    );
    return request;
  }
}

/** The invoke answer updates the card where it was pressed; if it was pressed elsewhere (a list), update the channel post too. */
async function updatePostIfNotPressedThere(
  deps: SupportDependencies,
  request: SupportRequest,
  pressedOn: string | undefined,
): Promise<void> {
  if (!request.channelPost || request.channelPost.activityId === pressedOn) return;
  await deps
    .messenger()
    .updateCard(request.channelPost.address, request.channelPost.activityId, supportRequestCard(request, 'everyone'))
    .catch((error: unknown) =>
      deps.logger.warn(
        { requestId: request.id, err: { message: (error as Error).message } },
        'could not update the channel card',
      ),
    );
}

async function tellHost(deps: SupportDependencies, request: SupportRequest): Promise<void> {
  const chat = await deps.directory.personalChatOf(request.hostId);
  if (!chat) {
    deps.logger.info({ requestId: request.id }, 'host has no 1:1 chat with the bot yet; not notified');
    return;
  }
  await deps
    .messenger()
    .sendCard(chat, supportTakenCard(request))
    .catch((error: unknown) =>
      deps.logger.warn(
        { requestId: request.id, err: { message: (error as Error).message } },
        'could not tell the host',
      ),
    );
}
