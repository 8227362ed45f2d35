import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The tab's lists of records (partners, claims, payment batches): a plain list of bordered rows, each with a
 * heading line (name, badges) and quieter detail lines. One look for every such list, in every theme.
 */
export const useListRowStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: '8px' },
  row: {
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'grid',
    gap: '4px',
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '8px',
    alignItems: 'center',
    margin: 0,
    fontSize: tokens.fontSizeBase400,
  },
  meta: { color: tokens.colorNeutralForeground2 },
});
