/**
 * The console's initial JavaScript: the module scripts and module preloads index.html loads before anything else
 * (the route pages are lazy chunks fetched on navigation). Pure: the CLI (./main.ts) reads the files.
 */
export function initialScripts(indexHtml: string): string[] {
  const found = new Set<string>();
  for (const m of indexHtml.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+\.js)"/g)) found.add(m[1]);
  for (const m of indexHtml.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g)) found.add(m[1]);
  return [...found];
}

export interface BundleFigures {
  readonly initialGzipBytes: number;
  readonly initialFiles: number;
  readonly lazyChunks: number;
  readonly largestLazy: { readonly file: string; readonly gzipBytes: number } | null;
}

/** Whether the initial JS fits the budget (issue 15: ≤ 500 kB gzip), and the line the build prints. */
export function budgetVerdict(f: BundleFigures, budgetBytes: number): { ok: boolean; line: string } {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const largest = f.largestLazy ? `; largest lazy chunk ${f.largestLazy.file} ${kb(f.largestLazy.gzipBytes)}` : '';
  const ok = f.initialGzipBytes <= budgetBytes;
  return {
    ok,
    line:
      `console bundle: initial JS ${kb(f.initialGzipBytes)} gzip in ${f.initialFiles} file(s) (budget ${kb(budgetBytes)})` +
      `, ${f.lazyChunks} lazy chunks${largest}${ok ? '' : ' — OVER BUDGET'}`,
  };
}
