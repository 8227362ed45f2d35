/**
 * Card inputs to show again after a refused submission: only known inputs, only strings, cut to the
 * input's own limit (a forged huge value is not echoed back into a card).
 */
export function keptValues(
  data: Readonly<Record<string, unknown>>,
  limits: Readonly<Record<string, number>>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, limit] of Object.entries(limits)) {
    const value = data[key];
    if (typeof value === 'string') kept[key] = value.slice(0, limit);
    else if (typeof value === 'number' && Number.isFinite(value)) kept[key] = String(value);
  }
  return kept;
}
