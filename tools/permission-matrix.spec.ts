import { expectCommitted } from './generated-docs';
import { PERMISSION_MATRIX_DOC, renderPermissionMatrix } from './permission-matrix';

describe('permission matrix (docs/permission-matrix.md)', () => {
  let expected = '';
  beforeAll(async () => {
    expected = await renderPermissionMatrix();
  });

  it('is exactly what npm run permission-matrix generates from the controllers now', () => {
    expectCommitted(PERMISSION_MATRIX_DOC, expected);
  });

  it('lists the roles of the guarded routes as the services have always required them', () => {
    const row = (method: string, path: string) => expected.split('\n').find((l) => l.startsWith(`| ${method} | \`${path}\` |`));
    expect(row('POST', '/cases/{caseId}/reply/approve')).toBe('| POST | `/cases/{caseId}/reply/approve` | head → HEAD_DECISION_REQUIRED |');
    expect(row('POST', '/cases/{caseId}/sign')).toBe('| POST | `/cases/{caseId}/sign` | clerk, head |');
    // Each route opened to services names the one that calls it (issue 18); the documents, which no service calls, none.
    expect(row('GET', '/cases/{caseId}/reply')).toBe('| GET | `/cases/{caseId}/reply` | staff (+ service tokens of intake) |');
    expect(row('GET', '/delivery/cases/{caseId}/address')).toBe(
      '| GET | `/delivery/cases/{caseId}/address` | service (+ service tokens of notification) → SERVICE_ONLY |',
    );
    expect(row('GET', '/hot-topics')).toBe('| GET | `/hot-topics` | service (+ service tokens of supervision) → SERVICE_ONLY |');
    expect(row('GET', '/cases/{caseId}/documents')).toBe('| GET | `/cases/{caseId}/documents` | staff |');
    expect(row('POST', '/cases/{caseId}/supervision-orders')).toBe(
      '| POST | `/cases/{caseId}/supervision-orders` | supervisor, head, leader, dispatcher |',
    );
    expect(row('POST', '/public/petitions')).toBe('| POST | `/public/petitions` | public |');
    // Ops is bound to an operator of a city-level unit (issue 17).
    expect(row('GET', '/ops/messaging/dead-letters')).toBe(
      '| GET | `/ops/messaging/dead-letters` | ops → OPS_ONLY of a city-level unit → CITY_LEVEL_REQUIRED |',
    );
  });
});
