import assert from 'node:assert/strict';
import { bicep } from './bicep-text.js';

/**
 * Without the Bicep compiler offline, a small check of what it would reject first: unbalanced brackets,
 * references to names that are not declared, and parameters or variables nothing uses (the Bicep linter's
 * no-unused-params / no-unused-vars). `az bicep build` remains the real check (docs/deploy.md).
 */

/** The template with comments removed and every string literal's text blanked, keeping `${…}` expressions. */
function codeOnly(source: string): string {
  let out = '';
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (char === '/' && source[index + 1] === '/') {
      while (index < source.length && source[index] !== '\n') index += 1;
      out += '\n';
      continue;
    }
    if (char !== "'") {
      out += char;
      continue;
    }
    out += "'";
    for (index += 1; index < source.length && source[index] !== "'"; index += 1) {
      if (source[index] === '\\') {
        index += 1;
        continue;
      }
      if (source[index] === '$' && source[index + 1] === '{') {
        const end = source.indexOf('}', index);
        out += ` ${source.slice(index + 2, end)} `;
        index = end;
      }
    }
    out += "'";
  }
  return out;
}

const code = codeOnly(bicep);
const declared = (kind: string) => [...code.matchAll(new RegExp(`^${kind}\\s+(\\w+)`, 'gm'))].map((match) => match[1]!);
const BUILT_INS = new Set([
  'resourceGroup',
  'tenant',
  'subscription',
  'uniqueString',
  'take',
  'toLower',
  'replace',
  'guid',
  'subscriptionResourceId',
  'concat',
  'string',
  'int',
  'bool',
  'object',
  'array',
  'true',
  'false',
  'null',
  'for',
  'in',
  'if',
  'existing',
  'resource',
  'param',
  'var',
  'output',
  'targetScope',
  'description',
  'minLength',
  'maxLength',
  'minValue',
  'maxValue',
  'allowed',
  'secure',
]);

describe('infra/main.bicep references', () => {
  it('has balanced braces, brackets and parentheses', () => {
    const pairs: Record<string, string> = { '}': '{', ']': '[', ')': '(' };
    const stack: string[] = [];
    for (const char of code) {
      if ('{[('.includes(char)) stack.push(char);
      else if (char in pairs) assert.equal(stack.pop(), pairs[char], `unbalanced ${char}`);
    }
    assert.deepEqual(stack, []);
  });

  it('refers only to declared parameters, variables, resources and loop variables', () => {
    const names = new Set([
      ...declared('param'),
      ...declared('var'),
      ...declared('resource'),
      ...[...code.matchAll(/\[for (\w+) in/g)].map((match) => match[1]!),
    ]);
    // Identifiers in value position: after ":", "=", "?", "(", "," or "${", not property names or keys.
    const used = [...code.matchAll(/(?:[:=?(,]|^\s*-)\s*!?(\w+)(?=[.(\s,)\]}]|$)/gm)]
      .map((match) => match[1]!)
      .filter((name) => !/^\d/.test(name));
    const unknown = [...new Set(used)].filter((name) => !names.has(name) && !BUILT_INS.has(name));
    assert.deepEqual(unknown, []);
  });

  it('uses every parameter and variable it declares', () => {
    for (const name of [...declared('param'), ...declared('var')]) {
      const uses = [...code.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].length;
      assert.ok(uses > 1, `${name} is declared but never used`);
    }
  });

  it('sets a parent or a full name for every child resource', () => {
    for (const match of bicep.matchAll(/^resource (\w+) '([^@']+)@[^']+' = (?:\[for [^\]]*?: )?\{([\s\S]*?)^\}/gm)) {
      const [, symbol, type, body] = match;
      if (type!.split('/').length > 2)
        assert.match(body!, /^\s+(parent|scope): \w+/m, `${symbol} (${type}) needs a parent`);
    }
  });
});
