/** Money and quantities as people read them. Amounts are integer pence throughout. */

export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const absolute = Math.abs(pence);
  const pounds = Math.floor(absolute / 100);
  return `${sign}£${pounds.toLocaleString('en-GB')}.${String(absolute % 100).padStart(2, '0')}`;
}

/** A rate such as "45p" or "£1.20". */
export function formatRate(pence: number): string {
  return pence < 100 ? `${pence}p` : formatPounds(pence);
}

/** Miles are kept in tenths of a mile so sums stay exact. */
export function milesToTenths(miles: number): number {
  return Math.round(miles * 10);
}

export function formatTenths(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  const fraction = tenths % 10;
  return fraction === 0 ? whole.toLocaleString('en-GB') : `${whole.toLocaleString('en-GB')}.${fraction}`;
}

/** Parses "£12.50", "12.5" or "12" into pence; undefined when it is not an amount of money. */
export function parsePounds(text: string): number | undefined {
  const cleaned = text.trim().replace(/^£/, '').replace(/,/g, '');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const [pounds, pennies = ''] = cleaned.split('.');
  return Number(pounds) * 100 + Number(pennies.padEnd(2, '0'));
}
