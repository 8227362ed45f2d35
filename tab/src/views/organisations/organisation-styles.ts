import { makeStyles, tokens } from '@fluentui/react-components';

/** The look of the directory and its entries. */
export const useOrganisationStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '12px' },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '12px 16px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { margin: '0 0 4px', fontSize: tokens.fontSizeBase400 },
  // Long addresses wrap rather than push a 320 px side panel sideways.
  details: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '4px 12px' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px', marginTop: '8px' },
  tools: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'end', margin: '12px 0' },
  filter: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
});

/** The groups a plan sets out to reach, as the directory offers them. */
export type Groups = ReadonlyArray<{ readonly value: string; readonly title: string }>;
