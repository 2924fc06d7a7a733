import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expectCommitted, refsOf, staleness, writeOrCheck } from './generated-docs';

describe('generated documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'generated-docs-'));
  const doc = { path: join(dir, 'doc.md'), command: 'npm run doc' };

  it('names the first differing line of a stale document and the command that regenerates it', () => {
    writeFileSync(doc.path, 'a\nb\nc\n');
    expect(staleness(doc, 'a\nb\nc\n')).toBeUndefined();
    expect(staleness(doc, 'a\nB\nc\n')).toMatch(
      /doc\.md is out of date \(first difference at line 2: "b" ≠ "B"\); regenerate it: npm run doc$/,
    );
    expect(staleness(doc, 'a\nb\nc\nd\n')).toMatch(/first difference at line 4: "" ≠ "d"/);
    expect(() => expectCommitted(doc, 'x\n')).toThrow(/line 1: "a" ≠ "x"/);
  });

  it('counts a missing document as stale', () => {
    expect(staleness({ path: join(dir, 'missing.json'), command: 'npm run doc' }, '{}\n')).toMatch(/line 1: "" ≠ "\{\}"/);
  });

  it('writes each document, and with --check leaves it alone and sets exit code 1 when stale', async () => {
    const nested = { path: join(dir, 'sub', 'out.json'), command: 'npm run doc' };
    const write = jest.spyOn(process.stdout, 'write').mockReturnValue(true);
    const error = jest.spyOn(process.stderr, 'write').mockReturnValue(true);
    try {
      await writeOrCheck([{ doc: nested, render: () => '1\n' }], ['node', 'tool']);
      expect(readFileSync(nested.path, 'utf8')).toBe('1\n');
      await writeOrCheck([{ doc: nested, render: () => Promise.resolve('2\n') }], ['node', 'tool', '--check']);
      expect([readFileSync(nested.path, 'utf8'), process.exitCode]).toEqual(['1\n', 1]);
    } finally {
      process.exitCode = undefined;
      write.mockRestore();
      error.mockRestore();
    }
  });

  it('lists every $ref of a JSON document in order', () => {
    expect(refsOf({ a: { $ref: '#/x' }, b: [{ c: { $ref: '#/y' } }, 3, null], $ref: '#/z' })).toEqual(['#/x', '#/y', '#/z']);
  });
});
