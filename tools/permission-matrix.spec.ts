import { readFileSync } from 'node:fs';
import { PERMISSION_MATRIX_PATH, renderPermissionMatrix } from './permission-matrix';

describe('permission matrix (docs/permission-matrix.md)', () => {
  let expected = '';
  beforeAll(async () => {
    expected = await renderPermissionMatrix();
  });

  it('is exactly what npm run permission-matrix generates from the controllers now', () => {
    let current = '';
    try {
      current = readFileSync(PERMISSION_MATRIX_PATH, 'utf8');
    } catch {
      // missing
    }
    if (current !== expected) {
      const a = current.split('\n');
      const b = expected.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      throw new Error(
        `docs/permission-matrix.md is out of date (first difference at line ${line + 1}: ${JSON.stringify(a[line] ?? '')} ≠ ` +
          `${JSON.stringify(b[line] ?? '')}); regenerate it: npm run permission-matrix`,
      );
    }
  });

  it('lists the roles of the guarded routes as the services have always required them', () => {
    const row = (method: string, path: string) => expected.split('\n').find((l) => l.startsWith(`| ${method} | \`${path}\` |`));
    expect(row('POST', '/cases/{caseId}/reply/approve')).toBe('| POST | `/cases/{caseId}/reply/approve` | head → REPLY_NOT_APPROVED |');
    expect(row('POST', '/cases/{caseId}/sign')).toBe('| POST | `/cases/{caseId}/sign` | clerk, head |');
    expect(row('GET', '/cases/{caseId}/reply')).toBe('| GET | `/cases/{caseId}/reply` | staff (+ service tokens) |');
    expect(row('POST', '/cases/{caseId}/supervision-orders')).toBe('| POST | `/cases/{caseId}/supervision-orders` | supervisor, head, leader, dispatcher |');
    expect(row('POST', '/public/petitions')).toBe('| POST | `/public/petitions` | public |');
    expect(row('GET', '/ops/messaging/dead-letters')).toBe('| GET | `/ops/messaging/dead-letters` | ops → OPS_ONLY |');
  });
});
