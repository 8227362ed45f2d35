import type { ContainerDefinition, IndexingPolicy } from '@azure/cosmos';

/** Index everything queried; skip the etag. Containers read only by id index nothing. */
const INDEX_ALL: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [{ path: '/*' }],
  excludedPaths: [{ path: '/"_etag"/?' }],
};
const POINT_READS_ONLY: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [],
  excludedPaths: [{ path: '/*' }],
};

/**
 * Every Cosmos container the app uses, with its partition key and indexing policy.
 * The reasons for each choice are in docs/data-model.md; keep the two in step.
 */
export const CONTAINERS = {
  /** Involvement Partners on the register. Point reads by id; register queries fan out (one physical partition for years). */
  partners: { id: 'partners', partitionKey: { paths: ['/id'] }, indexingPolicy: INDEX_ALL },
  /** Plans, keyed by the host who owns them: "my plans" is a single-partition query and forged ids of other hosts' plans miss. */
  plans: { id: 'plans', partitionKey: { paths: ['/hostId'] }, indexingPolicy: INDEX_ALL },
  /** Expense claims and payment batches. Point reads by id for card refreshes; IEV lists fan out. */
  claims: { id: 'claims', partitionKey: { paths: ['/id'] }, indexingPolicy: INDEX_ALL },
  /** People (role, 1:1 conversation reference), settings such as the IEV channel, and support requests. */
  directory: { id: 'directory', partitionKey: { paths: ['/id'] }, indexingPolicy: INDEX_ALL },
  /** Bot Framework conversation and user state, so any server instance can serve any turn. */
  botState: { id: 'botstate', partitionKey: { paths: ['/id'] }, indexingPolicy: POINT_READS_ONLY },
  /** Append-only audit events (who saw or changed what), grouped by the record they are about. */
  audit: { id: 'audit', partitionKey: { paths: ['/subjectId'] }, indexingPolicy: INDEX_ALL },
  /** Durable outbox of messages the bot still has to deliver (host notifications), retried with backoff. */
  outbox: { id: 'outbox', partitionKey: { paths: ['/id'] }, indexingPolicy: INDEX_ALL },
  /** Applications to join the register from the public /join page, until IEV decides (then only the decision). */
  applications: { id: 'applications', partitionKey: { paths: ['/id'] }, indexingPolicy: INDEX_ALL },
  /** Messages to Involvement Partners (GOV.UK Notify), by partner: their page, export and erasure read one partition. */
  messages: { id: 'messages', partitionKey: { paths: ['/partnerId'] }, indexingPolicy: INDEX_ALL },
  /** Personal links sent to partners (signed, expiring) and their one use each: point reads by link id. */
  links: { id: 'links', partitionKey: { paths: ['/id'] }, indexingPolicy: INDEX_ALL },
  /** Involvement opportunities with their invitations, by opportunity: its invitations and answers are one partition. */
  opportunities: { id: 'opportunities', partitionKey: { paths: ['/opportunityId'] }, indexingPolicy: INDEX_ALL },
  /** Partners' own "how was it for you?" answers: no partner id, no link, the day only; read as summaries. */
  evaluations: { id: 'evaluations', partitionKey: { paths: ['/id'] }, indexingPolicy: INDEX_ALL },
} as const satisfies Record<string, ContainerDefinition & { id: string }>;

export type ContainerName = keyof typeof CONTAINERS;
