import type { AppFeedback } from '../domain/ports.js';
import type { Containers } from './cosmos.js';
import { CosmosRepository, type StoredDocument } from './repository.js';

export interface FeedbackDocument extends StoredDocument {
  readonly type: 'app-feedback';
  readonly authorId: string;
  readonly text: string;
  readonly createdAt: string;
}

const MAX_FEEDBACK_LENGTH = 2000;

/** Feedback about the app. The id comes from the Teams activity, so a redelivered message is stored once. */
export class FeedbackStore implements AppFeedback {
  private readonly repository: CosmosRepository<FeedbackDocument>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<FeedbackDocument>(
      containers.directory,
      (document) => document.id,
      'feedback',
    );
  }

  async record(input: { operationId: string; authorId: string; text: string }): Promise<FeedbackDocument> {
    const { document } = await this.repository.create({
      id: `feedback:${input.operationId}`,
      type: 'app-feedback',
      schemaVersion: 1,
      authorId: input.authorId,
      text: input.text.slice(0, MAX_FEEDBACK_LENGTH),
      createdAt: new Date().toISOString(),
    });
    return document;
  }

  async list(): Promise<FeedbackDocument[]> {
    return this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "app-feedback" ORDER BY c.createdAt DESC',
    });
  }
}
