import assert from 'node:assert/strict';

/** Signs of a library's message, a stack or a module path in something a caller reads. */
const INTERNALS: readonly RegExp[] = [
  /\n\s+at /,
  /\bat \S+ \(/,
  /node_modules|\/work\/|\/home\/|file:\/\//,
  /\.(ts|js|cjs|mjs)\b/,
  /\b[A-Z][A-Za-z]*(Error|Exception)\b/,
  /\bE[A-Z]{4,}\b/, // ECONNREFUSED, ENOTFOUND, EPIPE…
  /validateAndFixActivity|botbuilder|botframework|jsonwebtoken|restify|formidable|zod|cosmos|undici/i,
  /\bstack\b|\bundefined\b|\bnull\b|\[object /i,
  /Invalid input|expected (string|object|number)/i,
];

/** Fails if `text` (an error body, a card) shows anything of the machinery behind it. */
export function assertNoInternals(text: string, where: string): void {
  for (const pattern of INTERNALS)
    assert.doesNotMatch(text, pattern, `${where} shows internals: ${text.slice(0, 500)}`);
}

/** A problem+json answer in plain words: the status, a title and a detail, and nothing of the machinery. */
export async function plainProblem(
  response: Response,
  where: string,
): Promise<{ status: number; title: string; detail: string; errors?: Array<{ field: string; message: string }> }> {
  const text = await response.text();
  assert.match(
    response.headers.get('content-type') ?? '',
    /^application\/problem\+json/,
    `${where}: ${response.status} ${text.slice(0, 300)}`,
  );
  assertNoInternals(text, where);
  const problem = JSON.parse(text) as {
    status: number;
    title: string;
    detail: string;
    errors?: Array<{ field: string; message: string }>;
  };
  assert.equal(problem.status, response.status);
  assert.ok(problem.title && problem.detail, `${where}: a title and a detail`);
  return problem;
}
