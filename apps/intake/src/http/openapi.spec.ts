import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Operation {
  readonly responses?: Record<string, { readonly description?: string }>;
}

const document = JSON.parse(readFileSync(join(__dirname, '../../../../docs/openapi/intake.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};

// Issue 12: a unit correcting a registration was told the citizen's "信访件编号、查询码不正确". Staff routes document (and
// answer) the platform's CASE_NOT_FOUND; only citizen routes speak of a query code.
describe('intake OpenAPI 404 answers', () => {
  const notFound = (path: string, method: string) => document.paths[path]?.[method]?.responses?.['404']?.description;

  it('documents the staff case routes with the platform’s 404, not the citizen’s query-code answer', () => {
    const staff = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/petitions/{caseId}'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}: ${notFound(path, method) ?? ''}`));
    expect(staff.length).toBe(9);
    for (const line of staff) expect(line).toMatch(/: 不存在或无权查看 \/ not found, or not visible to the caller \(the same answer\)$/);
    expect(notFound('/petitions/{caseId}', 'patch')).toBe('不存在或无权查看 / not found, or not visible to the caller (the same answer)');
  });

  it('keeps the citizen’s answer on the citizen routes', () => {
    expect(notFound('/public/cases/progress', 'post')).toBe(
      '未找到（查询码错误与不存在的答复相同）/ not found (a wrong code looks the same)',
    );
  });
});
