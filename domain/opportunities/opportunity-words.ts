import { FORMAT_NAMES, type Opportunity } from './opportunity.js';

/** "1 December 2026", as GOV.UK writes dates. */
export function longDate(value: string): string {
  const date = new Date(`${value.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleDateString('en-GB', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/London',
      });
}

export function whenWords(opportunity: Pick<Opportunity, 'date' | 'time'>): string {
  return opportunity.time ? `${longDate(opportunity.date)} at ${opportunity.time}` : longDate(opportunity.date);
}

export function whereWords(opportunity: Pick<Opportunity, 'format' | 'place'>): string {
  if (opportunity.format === 'online') return 'Online';
  return opportunity.format === 'hybrid'
    ? `${opportunity.place ?? ''} (or online)`.trim()
    : (opportunity.place ?? FORMAT_NAMES['in-person']);
}
