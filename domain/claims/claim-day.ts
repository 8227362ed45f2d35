/** The day (YYYY-MM-DD, UTC) of a moment: what "today" is for pay-by targets, mileage bands and payment dates. */
export function dayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}
