/**
 * Every `@example` in the source's doc comments, run as a test: they are what users copy.
 * Each example runs with the package's exports in scope. A line `expr; // expected` checks
 * expr against the expected value: a JS literal (Float64Array [...] allowed) compared to 1e-12
 * relative, or `≈ value` to 1e-6; text after the value in parentheses or after ':' is prose.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import * as linfit from '../src/index.js';

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The examples of one file: the comment lines after `@example` up to the next tag or the comment's end. */
function examples(path: string): { where: string; code: string[] }[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const found: { where: string; code: string[] }[] = [];
  lines.forEach((line, i) => {
    const m = line.match(/^\s*\* @example\s?(.*)$/);
    if (!m) return;
    const code = m[1] ? [m[1]] : [];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j].match(/^\s*\*(?!\/)\s?(.*)$/);
      if (!next || next[1].startsWith('@')) break;
      // A comment-only continuation line belongs to the line before.
      if (next[1].trimStart().startsWith('//') && code.length > 0) code[code.length - 1] += ' ' + next[1].trim();
      else code.push(next[1]);
    }
    found.push({ where: `${relative(SRC, path)}:${i + 1}`, code });
  });
  return found;
}

/** [expression, expected text] when the line ends with `// expected`. */
function check(line: string): [string, string] | null {
  const m = line.match(/^(.*?);?\s*\/\/\s*(.+)$/);
  if (!m || /^\s*\/\//.test(line)) return null;
  return [m[1].trim(), m[2].trim()];
}

/** The expected value: the longest leading part of the text that parses as an expression. */
function expectedValue(text: string): { value: unknown; approx: boolean } | null {
  const approx = text.startsWith('≈');
  const body = (approx ? text.slice(1) : text).replace(/^Float64Array\s*\[/, 'new Float64Array([').trim();
  for (let end = body.length; end > 0; end--) {
    let candidate = body.slice(0, end).trim();
    if (candidate.startsWith('new Float64Array([')) candidate = candidate.endsWith(']') ? candidate + ')' : candidate;
    try {
      return { value: new Function(`return (${candidate});`)(), approx };
    } catch {
      // try a shorter prefix
    }
  }
  return null;
}

function compare(actual: unknown, expected: unknown, tol: number, where: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number');
    expect(Math.abs((actual as number) - expected), where).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
  } else if (ArrayBuffer.isView(expected) || Array.isArray(expected)) {
    const a = Array.from(actual as ArrayLike<unknown>), e = Array.from(expected as ArrayLike<unknown>);
    expect(a.length, where).toBe(e.length);
    e.forEach((v, i) => compare(a[i], v, tol, `${where}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    for (const [key, v] of Object.entries(expected)) compare((actual as Record<string, unknown>)[key], v, tol, `${where}.${key}`);
  } else {
    expect(actual, where).toEqual(expected);
  }
}

const all = sourceFiles(SRC).flatMap(examples);

it('finds the examples', () => {
  expect(all.length).toBeGreaterThanOrEqual(12);
});

it.each(all)('$where', ({ where, code }) => {
  const scope = Object.keys(linfit);
  const body: string[] = [];
  let checks = 0;
  for (const line of code) {
    const c = check(line);
    const expected = c && expectedValue(c[1]);
    if (c && expected) {
      checks++;
      body.push(`__check(${c[0]}, ${JSON.stringify(c[1])});`);
    } else {
      body.push(line);
    }
  }
  expect(checks, `${where} has no checked line (expr; // value)`).toBeGreaterThan(0);
  const run = new Function(...scope, '__check', body.join('\n'));
  run(...scope.map((k) => (linfit as Record<string, unknown>)[k]), (actual: unknown, text: string) => {
    const { value, approx } = expectedValue(text)!;
    compare(actual, value, approx ? 1e-6 : 1e-12, `${where}: ${text}`);
  });
});
