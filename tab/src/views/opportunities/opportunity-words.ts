import { makeStyles, tokens } from '@fluentui/react-components';
import type { Opportunity } from '../../api.js';

export const STATE_WORDS: Record<Opportunity['state'], string> = {
  draft: 'Draft',
  'awaiting-approval': 'Waiting for the IEV team to approve',
  open: 'Open: invitations sent',
  closed: 'Closed',
};
export const FORMAT_WORDS: Record<Opportunity['format'], string> = {
  'in-person': 'In person',
  online: 'Online',
  hybrid: 'In person or online',
};

/** The look of the opportunities list and of one opportunity. */
export const useOpportunityStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, display: 'grid', gap: '12px' },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px 16px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: '4px 0' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', margin: '12px 0' },
});
