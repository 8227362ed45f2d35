import { makeStyles, tokens } from '@fluentui/react-components';

/** The look of the figures page and its tables. */
export const useImpactStyles = makeStyles({
  intro: { margin: '0 0 12px', maxWidth: '70ch' },
  picker: { maxWidth: '320px', marginBottom: '16px' },
  pickers: { display: 'flex', flexWrap: 'wrap', columnGap: '16px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', margin: '0 0 16px' },
  wide: { overflowX: 'auto', marginTop: '24px' },
  headlines: {
    listStyleType: 'none',
    margin: '0 0 24px',
    padding: 0,
    display: 'grid',
    gap: '12px',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
  },
  headline: {
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  figure: {
    display: 'block',
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  tables: {
    display: 'grid',
    gap: '24px',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
    alignItems: 'start',
  },
  table: { borderCollapse: 'collapse', width: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    padding: '4px 0 8px',
  },
  cell: {
    textAlign: 'start',
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  number: {
    textAlign: 'end',
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
  },
  // A chart and the table of the same figures, together.
  panel: {
    display: 'grid',
    gap: '8px',
    minWidth: 0,
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  note: { color: tokens.colorNeutralForeground2, margin: '8px 0 0' },
});
