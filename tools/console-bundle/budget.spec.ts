import { budgetVerdict, initialScripts } from './budget';

describe('console bundle budget', () => {
  it('reads the entry script and the module preloads of index.html, not stylesheets or other links', () => {
    const html = `<head>
      <script type="module" crossorigin src="/assets/index-CHekqUPj.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/rolldown-runtime-BLXQ4ufn.js">
      <link rel="stylesheet" href="/assets/index-x.css">
      <link rel="icon" href="/favicon.js">
    </head>`;
    expect(initialScripts(html)).toEqual(['/assets/index-CHekqUPj.js', '/assets/rolldown-runtime-BLXQ4ufn.js']);
  });

  it('passes at the budget and fails one byte above it, naming the figures', () => {
    const figures = {
      initialGzipBytes: 500_000,
      initialFiles: 2,
      lazyChunks: 30,
      largestLazy: { file: 'assets/table.js', gzipBytes: 61_234 },
    };
    expect(budgetVerdict(figures, 500_000)).toEqual({
      ok: true,
      line: 'console bundle: initial JS 500.0 kB gzip in 2 file(s) (budget 500.0 kB), 30 lazy chunks; largest lazy chunk assets/table.js 61.2 kB',
    });
    expect(budgetVerdict({ ...figures, initialGzipBytes: 500_001 }, 500_000).ok).toBe(false);
    expect(budgetVerdict({ ...figures, initialGzipBytes: 500_001 }, 500_000).line).toContain('OVER BUDGET');
  });
});
