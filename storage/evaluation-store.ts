import type { Containers } from './cosmos.js';
import { CosmosRepository, type CreateResult } from './repository.js';
import type { EvaluationRepository, PartnerEvaluation } from '../domain/evaluations/ports.js';

/** Partners' own evaluations in Cosmos (`evaluations`, partition key `/id`), read only as summaries. */
export class EvaluationStore implements EvaluationRepository {
  private readonly repository: CosmosRepository<PartnerEvaluation>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<PartnerEvaluation>(
      containers.evaluations,
      (evaluation) => evaluation.id,
      'evaluation',
    );
  }

  create(evaluation: PartnerEvaluation): Promise<CreateResult<PartnerEvaluation>> {
    return this.repository.create(evaluation);
  }
}
