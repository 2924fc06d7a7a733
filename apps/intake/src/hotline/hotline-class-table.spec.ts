import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { classCategory, type HotlineClassTable, loadHotlineClassTable, parseHotlineClassTable } from './hotline-class-table';

const TABLE: HotlineClassTable = {
  version: 3,
  standard: 'GB/T 39666-2020',
  entries: [
    { classCode: '010203', className: '拖欠工资', category: 'labour' },
    { classCode: '050101', category: 'urban-construction' },
    { className: '噪声污染', category: 'environment' },
  ],
};

const file = (json: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'hotline-classes-')), 'table.json');
  writeFileSync(path, json, 'utf8');
  return path;
};

describe('classCategory', () => {
  it('maps by class code first, then by class name, trimmed', () => {
    expect(classCategory(TABLE, { classCode: '050101', className: '拖欠工资' })).toBe('urban-construction');
    expect(classCategory(TABLE, { classCode: '999999', className: ' 噪声污染 ' })).toBe('environment');
    expect(classCategory(TABLE, { classCode: ' 010203 ' })).toBe('labour');
  });

  it('answers null for a class the table does not hold', () => {
    expect(classCategory(TABLE, { classCode: '999999', className: '占道经营' })).toBeNull();
    expect(classCategory(TABLE, {})).toBeNull();
  });
});

describe('parseHotlineClassTable', () => {
  it('reads a valid table with its version', () => {
    const table = parseHotlineClassTable(
      {
        table: 'hotline-class-table',
        version: 2,
        standard: 'GB/T 39666-2020',
        entries: [{ classCode: '0101', className: '劳动保障', category: 'labour' }],
      },
      'test',
    );
    expect(table).toEqual({
      version: 2,
      standard: 'GB/T 39666-2020',
      entries: [{ classCode: '0101', className: '劳动保障', category: 'labour' }],
    });
  });

  it('refuses a class named twice, an entry naming no class, a malformed category code and an unknown field', () => {
    const base = { table: 'hotline-class-table', version: 1, standard: 'GB/T 39666-2020' };
    expect(() =>
      parseHotlineClassTable(
        {
          ...base,
          entries: [
            { classCode: '0101', className: '劳动保障', category: 'labour' },
            { classCode: '0101', category: 'education' },
            { className: '劳动保障', category: 'education' },
          ],
        },
        't.json',
      ),
    ).toThrow('12345 class table t.json names a class twice: classCode 0101, className 劳动保障');
    expect(() => parseHotlineClassTable({ ...base, entries: [{ category: 'labour' }] }, 't.json')).toThrow(
      '12345 class table t.json is malformed: entries.0: classCode 或 className 至少填一项 / classCode or className',
    );
    expect(() => parseHotlineClassTable({ ...base, entries: [{ className: '劳动保障', category: 'Labour' }] }, 't.json')).toThrow(
      '12345 class table t.json is malformed: entries.0.category: category code: lowercase code',
    );
    expect(() => parseHotlineClassTable({ ...base, version: 0, entries: [] }, 't.json')).toThrow(
      /^12345 class table t\.json is malformed: version: /,
    );
    expect(() => parseHotlineClassTable({ ...base, entries: [], extra: 1 }, 't.json')).toThrow(/is malformed: \(table\): /);
  });
});

describe('loadHotlineClassTable', () => {
  it('loads the bundled table when no file is named: version 1, the standard, every category a code of the category table', () => {
    const table = loadHotlineClassTable({});
    expect([table.version, table.standard, table.entries.length]).toEqual([1, 'GB/T 39666-2020 政府热线服务分类与代码', 21]);
    expect(classCategory(table, { className: '劳动和社会保障' })).toBe('labour');
    expect(classCategory(table, { className: '房屋征收' })).toBe('demolition');
    expect([...new Set(table.entries.map((e) => e.category))].sort()).toEqual([
      'agriculture',
      'civil-affairs',
      'demolition',
      'education',
      'environment',
      'health',
      'labour',
      'land-resources',
      'lawsuit',
      'public-security',
      'transport',
      'urban-construction',
    ]);
  });

  it('loads the deployment’s own file named by HOTLINE_CLASS_TABLE_FILE, and stops on a file that is no table', () => {
    const own = file(
      JSON.stringify({
        table: 'hotline-class-table',
        version: 7,
        standard: '某市12345诉求分类与代码',
        entries: [{ classCode: 'A0101', category: 'labour' }],
      }),
    );
    const table = loadHotlineClassTable({ HOTLINE_CLASS_TABLE_FILE: own });
    expect([table.version, classCategory(table, { classCode: 'A0101' })]).toEqual([7, 'labour']);
    const broken = file('{ "table": ');
    expect(() => loadHotlineClassTable({ HOTLINE_CLASS_TABLE_FILE: broken })).toThrow(`12345 class table ${broken} is not JSON: `);
    expect(() => loadHotlineClassTable({ HOTLINE_CLASS_TABLE_FILE: '/nonexistent/table.json' })).toThrow(
      '12345 class table /nonexistent/table.json cannot be read: ',
    );
  });
});
