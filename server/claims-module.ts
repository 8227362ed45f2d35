import { cardNotifier } from '../bot/claims/claim-notification-cards.js';
import type { Messenger } from '../bot/messenger.js';
import { ClaimService } from '../domain/claims/claim-service.js';
import { PaymentService } from '../domain/claims/payment-service.js';
import type { ClaimPaidSubscriber, ClaimWork } from '../domain/claims/ports.js';
import type { Clock } from '../domain/ports.js';
import { loadPolicy, type ReimbursementPolicy } from '../domain/claims/policy.js';
import { claimDeliverer } from '../domain/notifications/claim-notifications.js';
import type { ConversationAddress } from '../domain/people/ports.js';
import type { PartnerRepository } from '../domain/register/ports.js';
import { ClaimStore } from '../storage/claim-store.js';
import type { Containers } from '../storage/cosmos.js';
import { ReceiptStore } from '../storage/receipt-store.js';
import { publicBaseOf } from './area-context.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import type { OutboxModule } from './outbox-module.js';

/** Everything expense claims need, wired once per process (server/services.ts exposes it as `services.claims`). */
export interface ClaimsModule {
  readonly store: ClaimStore;
  readonly service: ClaimService;
  readonly payments: PaymentService;
  readonly receipts: ReceiptStore;
  policy(): ReimbursementPolicy;
  /** A new policy version applies to checks from now on; claims already submitted keep theirs. */
  usePolicy(policy: ReimbursementPolicy): void;
  /** Where the tab shows a claim and its receipts. */
  claimUrl(claimId: string): string;
  close(): Promise<void>;
}

export interface ClaimsModuleDependencies {
  readonly config: AppConfig;
  readonly containers: Containers;
  readonly logger: Logger;
  readonly partners: PartnerRepository;
  readonly messenger: () => Messenger;
  readonly personalChatOf: (userId: string) => Promise<ConversationAddress | undefined>;
  readonly ievChannel: () => Promise<ConversationAddress | undefined>;
  readonly approverIds: () => Promise<readonly string[]>;
  /** Claims owe the host and the IEV channel messages through the shared outbox (topic `claim`). */
  readonly outbox: OutboxModule;
  /** Partner messaging subscribes here to be told of each paid claim (domain/claims/ports.ts). */
  readonly claimPaid?: ClaimPaidSubscriber;
  /** The hosts' plans: a claim belongs to one of them (or to "other" work). */
  readonly work?: ClaimWork;
  /** The time claims and payments go by (tests: a controllable clock). */
  readonly now: Clock;
}

export function createClaimsModule(deps: ClaimsModuleDependencies): ClaimsModule {
  let policy = loadPolicy();
  const store = new ClaimStore(deps.containers);
  const { store: outbox, dispatcher } = deps.outbox;
  const receipts = new ReceiptStore(deps.config.blob);
  const base = publicBaseOf(deps.config);
  const claimUrl = (claimId: string) => `${base}/tab/#/claims/${encodeURIComponent(claimId)}`;
  const service = new ClaimService({
    claims: store,
    partners: deps.partners,
    ...(deps.work ? { work: deps.work } : {}),
    outbox,
    policy: () => policy,
    onEnqueued: () => dispatcher.kick(),
    deliverNow: async (messageId) => dispatcher.deliverNow(messageId),
    receipts,
    receiptCleanup: { receipts, warn: (ids, message) => deps.logger.warn(ids, message) },
    now: deps.now,
  });
  deps.outbox.deliverers.handle(
    'claim',
    claimDeliverer({
      claims: store,
      claimService: service,
      notifier: () => cardNotifier(deps.messenger, claimUrl),
      personalChatOf: deps.personalChatOf,
      ievChannel: deps.ievChannel,
      approverIds: deps.approverIds,
      claimPaid: deps.claimPaid,
      now: deps.now,
    }),
  );
  return {
    store,
    service,
    payments: new PaymentService({ claims: store, claimService: service, now: deps.now }),
    receipts,
    policy: () => policy,
    usePolicy: (next) => {
      policy = next;
    },
    claimUrl,
    close: () => receipts.close(),
  };
}
