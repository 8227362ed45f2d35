import { randomUUID } from 'node:crypto';
import { supportRequestCard } from './support-request-card.js';
import { supportRequestFormCard } from './support-request-form-card.js';
import { supportSentCard } from './support-sent-card.js';
import { messageCard } from '../cards/message-card.js';
import { ForbiddenError, ValidationError, type FieldProblem } from '../../domain/errors.js';
import { isIevMember } from '../../domain/people/actor.js';
import type { DirectoryService } from '../../domain/people/directory-service.js';
import type { IevChannel } from '../../domain/people/iev-channel.js';
import type { PlanService } from '../../domain/planning/plan-service.js';
import type { SupportService } from '../../domain/planning/support-service.js';
import type { SupportRequest } from '../../domain/planning/support-request.js';
import type { Versioned } from '../../domain/ports.js';
import type { PartnerPicker } from '../../domain/register/partner-picker.js';
import type { RegisterService } from '../../domain/register/register-service.js';
import type { Logger } from '../../server/logger.js';
import type { Messenger } from '../messenger.js';
import { isInChannel } from '../conversation-address.js';
import {
  routesWith,
  type ActionHandler,
  type ActionResult,
  type ActionRoute,
  type CommandRoute,
  type Turn,
} from '../feature.js';
import { keptValues } from '../cards/inputs.js';
import { SUPPORT_VERBS } from './planning-verbs.js';
import type { OrganisationService } from '../../domain/organisations/organisation-service.js';

export interface SupportDependencies {
  readonly plans: PlanService;
  readonly support: SupportService;
  /** Choosing the partners who took part in a session. */
  readonly partners: PartnerPicker;
  /** The register's rules (need to know) for partner details shown on cards. */
  readonly register: RegisterService;
  readonly ievChannel: IevChannel;
  readonly directory: DirectoryService;
  readonly messenger: () => Messenger;
  readonly logger: Logger;
  readonly today: () => Date;
  /** The community organisations directory: who reaches the groups a plan sets out to reach. */
  readonly organisations: Pick<OrganisationService, 'suggestFor'>;
}

const brokenPlanButton = {
  damaged: () => ({ message: 'That button didn\u2019t work. Type \u201cmy plans\u201d to open your plan.' }),
};
const damagedRequestCard = {
  damaged: () => ({ message: 'That card is damaged. Ask the IEV team to look at open support requests.' }),
};

/**
 * "New Works": a host asks the IEV team for help from a plan; IEV takes it on, gives it to a colleague,
 * adds notes and marks it done from the channel card. The channel card and the host's messages are the
 * outbox's to send (SupportService), so each is sent exactly once; the invoke answer shows the presser.
 */
export function supportActions(deps: SupportDependencies): ActionRoute[] {
  const on = routesWith(deps);
  return [
    on(SUPPORT_VERBS.start, showRequestForm, brokenPlanButton),
    on(SUPPORT_VERBS.send, sendRequest, brokenPlanButton),
    on(SUPPORT_VERBS.refresh, refreshRequestCard, damagedRequestCard),
    on(SUPPORT_VERBS.take, takeRequest, damagedRequestCard),
    on(SUPPORT_VERBS.assign, assignRequest, damagedRequestCard),
    on(SUPPORT_VERBS.note, addNote, damagedRequestCard),
    on(SUPPORT_VERBS.done, markDone, damagedRequestCard),
  ];
}

type SupportHandler<K extends keyof typeof SUPPORT_VERBS> = ActionHandler<
  (typeof SUPPORT_VERBS)[K],
  SupportDependencies
>;

const showRequestForm: SupportHandler<'start'> = async (deps, turn, { planId }) => {
  const plan = await deps.plans.open(turn.actor, planId);
  return { card: supportRequestFormCard({ planId: plan.id, planTitle: plan.title, op: randomUUID() }) };
};

const sendRequest: SupportHandler<'send'> = async (deps, turn, { planId, op }, inputs) => {
  try {
    const { request } = await deps.support.request(turn.actor, planId, op, inputs);
    return { card: supportSentCard(request, request.channelPost !== undefined) };
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
};

const refreshRequestCard: SupportHandler<'refresh'> = async (deps, turn, ref) => {
  const request = await viewOf(deps, turn, ref);
  return {
    card: isIevMember(turn.actor) ? await ievView(deps, request) : supportRequestCard(request, 'everyone'),
  };
};

const takeRequest: SupportHandler<'take'> = async (deps, turn, ref) =>
  ievAction(deps, turn, ref, async () => (await deps.support.take(turn.actor, ref.hostId, ref.requestId)).request);

const assignRequest: SupportHandler<'assign'> = async (deps, turn, { assignee, ...ref }) =>
  ievAction(deps, turn, ref, () => deps.support.assign(turn.actor, ref.hostId, ref.requestId, assignee));

const addNote: SupportHandler<'note'> = async (deps, turn, { note, ...ref }) =>
  ievAction(deps, turn, ref, () => deps.support.note(turn.actor, ref.hostId, ref.requestId, note));

const markDone: SupportHandler<'done'> = async (deps, turn, ref) =>
  ievAction(deps, turn, ref, () => deps.support.done(turn.actor, ref.hostId, ref.requestId));

interface RequestRef {
  readonly hostId: string;
  readonly requestId: string;
}

/** An IEV action on the card: anyone else (a forged or stale press) is shown the status and nothing changes. */
async function ievAction(
  deps: SupportDependencies,
  turn: Turn,
  ref: RequestRef,
  act: () => Promise<SupportRequest>,
): Promise<ActionResult> {
  try {
    return { card: await ievView(deps, await act()) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { card: supportRequestCard(await viewOf(deps, turn, ref), 'everyone') };
    if (error instanceof ValidationError && error.problems.length > 0)
      return { card: await ievView(deps, await viewOf(deps, turn, ref), error.problems) };
    throw error;
  }
}

async function ievView(deps: SupportDependencies, request: SupportRequest, problems?: readonly FieldProblem[]) {
  return supportRequestCard(request, 'iev', {
    colleagues: await deps.directory.ievMembers(),
    ...(problems ? { problems } : {}),
  });
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
        const colleagues = await deps.directory.ievMembers();
        for (const request of open.slice(0, 10))
          await turn.sendCard(supportRequestCard(request, 'iev', { colleagues }));
      },
    },
  ];
}

/** The request as the presser may see it: only in the IEV channel, or by its host or IEV. */
async function viewOf(deps: SupportDependencies, turn: Turn, ref: RequestRef): Promise<Versioned<SupportRequest>> {
  const inIevChannel = isInChannel(turn.context.activity, (await deps.ievChannel.address())?.conversationId);
  return deps.support.view(turn.actor, ref.hostId, ref.requestId, { inIevChannel });
}
