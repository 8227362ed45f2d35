import assert from 'node:assert/strict';
import { groupKeyFor, isCheckDue } from '../../domain/organisations/organisation.js';

describe('Community organisations: rules', () => {
  const today = new Date('2026-12-02T15:30:00.000Z');
  const cases: Array<[string | undefined, boolean]> = [
    [undefined, true],
    ['2026-12-02', false],
    ['2025-12-03', false],
    ['2025-12-02', false],
    ['2025-12-01', true],
    ['2019-06-30', true],
  ];
  for (const [lastCheckedOn, due] of cases)
    it(`details last checked ${lastCheckedOn ?? 'never'} are ${due ? '' : 'not '}due a check on 2 December 2026`, () => {
      assert.equal(isCheckDue(lastCheckedOn, today), due);
    });

  const names: Array<[string, string | undefined]> = [
    ['carers', 'carers'],
    ['Carers', 'carers'],
    ['  armed forces VETERANS ', 'veterans'],
    ['Refugees, asylum seekers and migrants', 'refugees'],
    ['race', 'race'],
    ['Race and ethnicity', 'race'],
    ['Carer', undefined],
    ['', undefined],
  ];
  for (const [text, key] of names)
    it(`reads the group “${text}” as ${key ?? 'no group'}`, () => assert.equal(groupKeyFor(text), key));
});
