/**
 * The documents the repository commits but a tool writes (docs/asyncapi.json, docs/openapi/<service>.json,
 * docs/permission-matrix.md): one way for the tools to write them or check them (`--check`), and for the unit tests to
 * fail, naming the first differing line, when a committed one is stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ROOT = resolve(__dirname, '..');

/** One generated document: where it is committed and the command that regenerates it. */
export interface GeneratedDoc {
  readonly path: string;
  readonly command: string;
}

/** A document with the text the tool would write now, and what to print after writing it. */
export interface RenderedDoc {
  readonly doc: GeneratedDoc;
  readonly render: () => string | Promise<string>;
  readonly summary?: (text: string) => string;
}

function committedText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // missing: a drift too
  }
}

/** Why the committed document is not `expected` (its first differing line), or undefined when it is exactly that. */
export function staleness(doc: GeneratedDoc, expected: string): string | undefined {
  const current = committedText(doc.path);
  if (current === expected) return undefined;
  const a = current.split('\n');
  const b = expected.split('\n');
  let line = 0;
  while (a[line] === b[line]) line++;
  return (
    `${relative(ROOT, doc.path)} is out of date (first difference at line ${line + 1}: ${JSON.stringify(a[line] ?? '')} ≠ ` +
    `${JSON.stringify(b[line] ?? '')}); regenerate it: ${doc.command}`
  );
}

/** For the unit tests: throws the staleness of a committed document. */
export function expectCommitted(doc: GeneratedDoc, expected: string): void {
  const why = staleness(doc, expected);
  if (why) throw new Error(why);
}

/** A tool's main: writes every document, or with `--check` reports each stale one and sets exit code 1. */
export async function writeOrCheck(docs: readonly RenderedDoc[], argv: readonly string[] = process.argv): Promise<void> {
  const check = argv.includes('--check');
  for (const { doc, render, summary } of docs) {
    const text = await render();
    if (!check) {
      mkdirSync(dirname(doc.path), { recursive: true });
      writeFileSync(doc.path, text);
      process.stdout.write(`wrote ${doc.path}${summary ? ` (${summary(text)})` : ''}\n`);
      continue;
    }
    const why = staleness(doc, text);
    if (why) {
      process.stderr.write(`${why}\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`${relative(ROOT, doc.path)} is up to date\n`);
    }
  }
}

/** Runs a tool's main when the file is run as a script; a failure prints its stack and exits 1. */
export function runTool(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

/** Every `$ref` of a JSON document, in document order (the specs check each resolves). */
export function refsOf(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsOf(v, out);
    }
  }
  return out;
}
