import { makeStyles, tokens } from '@fluentui/react-components';

/** The look of a partner's page and its sections. */
export const usePartnerStyles = makeStyles({
  sections: { display: 'grid', gap: '16px', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))' },
  section: {
    padding: '12px 16px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  sensitive: { border: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  facts: { display: 'grid', gridTemplateColumns: 'minmax(110px, max-content) 1fr', gap: '4px 12px', margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  title: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  list: { margin: 0, paddingLeft: '20px' },
});
