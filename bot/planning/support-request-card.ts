import {
  card,
  facts,
  heading,
  paragraph,
  bulletList,
  subheading,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../cards/adaptive-card.js';
import { choiceInput, problemSummary, textInput } from '../cards/inputs.js';
import type { FieldProblem } from '../../domain/errors.js';
import { SUPPORT_STATUS_TITLES, supportKindTitle, type SupportRequest } from '../../domain/planning/support-request.js';
import { SUPPORT_VERBS } from './planning-verbs.js';

export type SupportCardViewer = 'iev' | 'everyone';

export interface SupportCardOptions {
  /** IEV view: the IEV team's members, to give the request to one of them. */
  readonly colleagues?: ReadonlyArray<{ readonly id: string; readonly displayName: string }>;
  readonly problems?: readonly FieldProblem[];
}

/**
 * The request as posted in the IEV channel. Everyone sees its status; when Teams refreshes the card
 * for a viewer (automatic in channels of up to 60 people, or "Show the latest"), IEV members get
 * their own view: take it, give it to a colleague, add a note, mark it done. The server checks the
 * role again when any of them is pressed.
 */
export function supportRequestCard(
  request: SupportRequest,
  viewer: SupportCardViewer,
  options: SupportCardOptions = {},
): AdaptiveCard {
  const ids = { requestId: request.id, hostId: request.hostId };
  const status = statusLine(request);
  const finished = request.status === 'done';
  const iev = viewer === 'iev' && !finished;
  const notes = (request.events ?? []).filter((event) => event.kind === 'noted');
  const body: CardElement[] = [
    paragraph('New Works request', { subtle: true }),
    heading(request.planTitle, 'Medium'),
    facts([
      ['From', request.hostName],
      ['Help with', request.kinds.map(supportKindTitle).join('; ')],
      ['Asked on', request.createdAt.slice(0, 10)],
      ['Status', status],
    ]),
    paragraph(request.description),
  ];
  if (viewer === 'iev' && notes.length > 0)
    body.push(
      subheading('Notes from the IEV team'),
      bulletList(notes.slice(-5).map((event) => `${event.byName}, ${event.at.slice(0, 10)}: ${event.note ?? ''}`)),
    );
  if (iev) {
    body.push(...problemSummary(options.problems));
    const colleagues = options.colleagues ?? [];
    if (colleagues.length > 0)
      body.push(
        ...choiceInput(
          'assignee',
          'Give it to',
          colleagues.map((member) => ({ value: member.id, title: member.displayName })),
          { compact: true, value: request.takenBy?.id, problems: options.problems },
        ),
      );
    body.push(...textInput('note', 'Add a note', { maxLength: 1000, multiline: true, problems: options.problems }));
  }
  const actions: CardAction[] = finished
    ? []
    : iev
      ? [
          ...(request.status === 'open'
            ? [SUPPORT_VERBS.take.action('I\u2019ll take this', ids, { style: 'positive' })]
            : []),
          ...((options.colleagues ?? []).length > 0 ? [SUPPORT_VERBS.assign.action('Give it to them', ids)] : []),
          SUPPORT_VERBS.note.action('Add the note', ids),
          SUPPORT_VERBS.done.action('Mark done', ids, { associatedInputs: 'none' }),
        ]
      : [SUPPORT_VERBS.refresh.action('Show the latest', ids)];
  return card(body, actions, {
    fallbackText: `New Works request from ${request.hostName}: ${status}`,
    refresh: { action: SUPPORT_VERBS.refresh.action('Show the latest', ids) },
  });
}

function statusLine(request: SupportRequest): string {
  if (request.status === 'done') {
    const done = [...(request.events ?? [])].reverse().find((event) => event.kind === 'done');
    return done ? `Done (marked by ${done.byName})` : SUPPORT_STATUS_TITLES.done;
  }
  return request.takenBy ? `Picked up by ${request.takenBy.name}` : SUPPORT_STATUS_TITLES.open;
}
