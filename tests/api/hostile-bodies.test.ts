import assert from 'node:assert/strict';
import type { Endpoint } from '../../contract/endpoint.js';
import { API } from '../../contract/endpoints.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { plainProblem } from '../helpers/problems.js';
import { HOST, IEV, type TestUser } from '../helpers/users.js';

/** Words of zod, restify, JSON.parse or a stack: never in an answer a person reads. */
// As the libraries write them (case matters: "This number is too big." is ours, "Too big: expected …" zod's).
const LIBRARY_WORDING =
  /Invalid input|Invalid option|Invalid string|Invalid discriminator|\bexpected\b|\breceived\b|Unexpected token|Unexpected end|is not valid JSON|ZodError|at Object\.|Unrecognized key|Too big|Too small|BadRequest|ResourceNotFound|MethodNotAllowed|URIError/;

/** Path params that would name a record only if something forgot to check them; `%E0%A4%A` is broken percent-encoding. */
const JUNK_PARAMS = ['%E0%A4%A', '..%2F..%2Fetc%2Fpasswd', encodeURIComponent('<script>x</script>'), 'x'.repeat(300)];
const JUNK_QUERIES = [
  '?pageSize=1e308&from=tomorrow&to[]=x&state=__proto__&status=%00&continuation=' + 'a'.repeat(5000),
  '?__proto__[polluted]=1&constructor[prototype][x]=1&name=&q=%E0%A4%A&format=exe',
];

/** Field names the API's forms use, each set to a value of the wrong kind. */
const WRONG_KINDS = Object.fromEntries(
  [
    'operationId',
    'version',
    'reason',
    'note',
    'outcome',
    'status',
    'csv',
    'importId',
    'userId',
    'assignee',
    'partnerIds',
    'approvalRequired',
    'paidOn',
    'claimIds',
    'displayName',
    'purpose',
    'given',
    'date',
    'how',
    'completedOn',
    'planId',
    'title',
    'places',
    'name',
    'email',
    'consent',
  ].map((field, index) => [field, index % 2 === 0 ? 12345 : 1e308]),
);
const DEEP = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
const BODIES: ReadonlyArray<readonly [string, string]> = [
  ['null', 'null'],
  ['an array', '[1,2,3]'],
  ['a string', '"hello"'],
  ['numbers where strings are expected', JSON.stringify(WRONG_KINDS)],
  ['huge numbers', JSON.stringify({ operationId: 1e308, version: -1e308, places: 1e308, pageSize: 1e308 })],
  ['a deeply nested object', DEEP],
  ['unknown fields', JSON.stringify({ zzUnknown: 1, another: { nested: true } })],
  ['a 300 KB body', JSON.stringify({ operationId: 'x'.repeat(300 * 1024) })],
  ['broken JSON', '{"operationId": "abc'],
];

/** A value each path param's schema accepts, so that a hostile body reaches the body's schema. */
function plausible(endpoint: Endpoint, name: string): string {
  if (name === 'userId') return '0a1b2c3d-1234-5678-9abc-def012345678';
  if (endpoint.path.startsWith('/api/applications')) return 'application-abcdefgh12';
  if (endpoint.path.startsWith('/api/opportunities')) return 'opportunity-abc-123';
  if (name === 'category') return 'expenses.csv';
  return 'abc-123';
}

const pathWith = (endpoint: Endpoint, value: (name: string) => string) =>
  endpoint.path.replace(/:([A-Za-z]+)/g, (_, name: string) => value(name));

interface Call {
  readonly where: string;
  readonly path: string;
  readonly method: string;
  readonly body?: string;
  readonly as: TestUser;
}

/** Every hostile call for one endpoint, as one person. */
function callsFor(name: string, endpoint: Endpoint, as: TestUser): Call[] {
  const calls: Call[] = [];
  const base = { method: endpoint.method, as };
  const validPath = pathWith(endpoint, (param) => plausible(endpoint, param));
  if (endpoint.path.includes(':'))
    for (const junk of JUNK_PARAMS)
      calls.push({
        ...base,
        where: `${name} with path param ${junk.slice(0, 20)}`,
        path: pathWith(endpoint, () => junk),
      });
  for (const query of JUNK_QUERIES)
    calls.push({ ...base, where: `${name} with query ${query.slice(0, 30)}`, path: `${validPath}${query}` });
  if (endpoint.takesBody)
    for (const [what, body] of BODIES) calls.push({ ...base, where: `${name} with ${what}`, path: validPath, body });
  else if (endpoint.method !== 'GET')
    calls.push({ ...base, where: `${name} with a body it does not take`, path: validPath, body: '{}' });
  return calls.map((call) => ({ ...call, where: `${call.where} as ${as === IEV ? 'IEV' : 'host'}` }));
}

/**
 * Whatever arrives at the tab's API — a body of the wrong shape, junk in the path or the query — is answered
 * by our words: never a 5xx, a stack, or a library's sentence. Every endpoint of the contract's table is
 * called, so a new one is covered without being named here.
 */
describe('every API endpoint answers malformed input in plain words', function () {
  this.timeout(120_000);
  let app: TestApp;

  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  });
  after(async () => {
    await app.stop();
  });

  for (const [who, as] of [
    ['an IEV member', IEV],
    ['a host', HOST],
  ] as const) {
    it(`answers junk params, queries and bodies to ${who} with a plain 4xx (or the page itself), never a 5xx`, async () => {
      const calls = Object.entries(API).flatMap(([name, endpoint]) => callsFor(name, endpoint, as));
      assert.ok(calls.length > 200, `${calls.length} calls`);
      const problems = await inBatches(calls, 8, (call) => check(app, call));
      assert.deepEqual(problems, []);
    });
  }
});

/** Makes one call; answers what is wrong with its answer, or nothing. */
async function check(app: TestApp, call: Call): Promise<string[]> {
  const response = await app.api(call.path, {
    method: call.method,
    as: call.as,
    ...(call.body === undefined ? {} : { body: call.body }),
  });
  if (response.status >= 500) return [`${call.where}: ${response.status} ${await response.text()}`];
  if (response.status < 400) {
    await response.arrayBuffer();
    return [];
  }
  const text = await response.clone().text();
  try {
    const problem = await plainProblem(response, call.where);
    assert.doesNotMatch(text, LIBRARY_WORDING, `${call.where}: ${text.slice(0, 300)}`);
    for (const error of problem.errors ?? []) assert.ok(error.message.trim(), `${call.where}: an empty message`);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<string[]>): Promise<string[]> {
  const found: string[] = [];
  for (let start = 0; start < items.length; start += size)
    found.push(...(await Promise.all(items.slice(start, start + size).map(run))).flat());
  return found;
}
