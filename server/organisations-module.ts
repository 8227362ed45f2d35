import { OrganisationService } from '../domain/organisations/organisation-service.js';
import { OrganisationStore } from '../storage/organisation-store.js';
import type { AreaContext } from './area-context.js';

/** The community organisations directory (IEV keeps it; hosts and the bot's suggestions read it). */
export function createOrganisationsModule(deps: Pick<AreaContext, 'containers' | 'now'>): OrganisationService {
  return new OrganisationService({ store: new OrganisationStore(deps.containers), now: deps.now });
}
