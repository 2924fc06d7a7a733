import { caseAccess, type CaseViewer, type CaseVisibilityFacts } from '@sunshine/domain';
import { caseVisibilitySql } from '@sunshine/platform';
import { infraEnv, uniquePrefix } from '@sunshine/testing';
import fc from 'fast-check';
import { Client } from 'pg';

// A small world so that random facts and viewers collide often: two townships, their units, the county's.
const UNITS = [
  '410726101000:government',
  '410726101000:petition-office',
  '410726101000:discipline',
  '410726000000:petition-bureau',
  '410726000000:discipline',
  '410726000000:government',
  '410726101201:village-committee',
  '410726102000:government',
];
const DIVISIONS = ['410700000000', '410726000000', '410726101000', '410726101201', '410726102000'];
const KINDS = ['government', 'petition-office', 'petition-bureau', 'discipline', 'village-committee', 'dept-hrss', 'party-committee'];

const unit = fc.constantFrom(...UNITS);
const division = fc.constantFrom(...DIVISIONS);
const facts: fc.Arbitrary<CaseVisibilityFacts> = fc.record({
  confidential: fc.boolean(),
  accusedUnitId: fc.option(unit, { nil: null }),
  accusedDivision: fc.option(division, { nil: null }),
  registeredBy: fc.option(unit, { nil: null }),
  involvedUnits: fc.uniqueArray(unit, { maxLength: 3 }),
  territoryCodes: fc.uniqueArray(division, { maxLength: 3 }),
  disciplineDivisions: fc.uniqueArray(division, { maxLength: 2 }),
});
const viewer: fc.Arbitrary<CaseViewer> = fc.record({
  unitId: unit,
  kind: fc.option(fc.constantFrom(...KINDS), { nil: null }),
  divisionCode: division,
  lineage: fc.uniqueArray(unit, { maxLength: 3 }),
});

describe('the visibility rule in SQL', () => {
  const client = new Client({ connectionString: infraEnv().databaseUrl });
  const table = `vis_${uniquePrefix('v').replace(/[^a-z0-9_]/gi, '_')}`;

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE TEMP TABLE ${table} (id int, confidential boolean, accused_unit_id text, accused_division text,
      receiving_unit_id text, involved_units text[], territory_codes text[], discipline_divisions text[])`);
  });
  afterAll(() => client.end());

  it('gives, for random cases and viewers, the same level as the domain rule', async () => {
    await fc.assert(
      fc.asyncProperty(facts, viewer, async (f, v) => {
        await client.query(`DELETE FROM ${table}`);
        await client.query(`INSERT INTO ${table} VALUES (1, $1, $2, $3, $4, $5, $6, $7)`, [
          f.confidential,
          f.accusedUnitId,
          f.accusedDivision,
          f.registeredBy,
          f.involvedUnits,
          f.territoryCodes,
          f.disciplineDivisions,
        ]);
        const q = caseVisibilitySql(v, 1, 'c');
        const [row] = (
          await client.query<{ level: string; visible: boolean }>(
            `SELECT ${q.level} AS level, ${q.visible} AS visible FROM ${table} c`,
            q.params,
          )
        ).rows;
        const expected = caseAccess(f, v).access;
        expect(row?.level).toBe(expected);
        expect(row?.visible).toBe(expected !== 'none');
      }),
      { numRuns: 400 },
    );
  });

  it('hides an accusation from the accused township’s petition office and shows the county bureau the facts', async () => {
    const accusation: CaseVisibilityFacts = {
      confidential: true,
      accusedUnitId: '410726101000:government',
      accusedDivision: '410726101000',
      registeredBy: '410726000000:petition-bureau',
      involvedUnits: ['410726000000:petition-bureau', '410726000000:discipline'],
      territoryCodes: ['410700000000', '410726000000', '410726101000'],
      disciplineDivisions: ['410700000000', '410726000000'],
    };
    await client.query(`DELETE FROM ${table}`);
    await client.query(`INSERT INTO ${table} VALUES (1, $1, $2, $3, $4, $5, $6, $7)`, [
      true,
      accusation.accusedUnitId,
      accusation.accusedDivision,
      accusation.registeredBy,
      accusation.involvedUnits,
      accusation.territoryCodes,
      accusation.disciplineDivisions,
    ]);
    const levelFor = async (v: CaseViewer) => {
      const q = caseVisibilitySql(v, 1, 'c');
      return (await client.query<{ level: string }>(`SELECT ${q.level} AS level FROM ${table} c`, q.params)).rows[0]?.level;
    };
    const office = {
      unitId: '410726101000:petition-office',
      kind: 'petition-office',
      divisionCode: '410726101000',
      lineage: ['410726101000:petition-office', '410726101000:government'],
    };
    expect(await levelFor(office)).toBe('none');
    expect(
      await levelFor({ unitId: '410726000000:petition-bureau', kind: 'petition-bureau', divisionCode: '410726000000', lineage: [] }),
    ).toBe('facts-only');
    expect(await levelFor({ unitId: '410726000000:discipline', kind: 'discipline', divisionCode: '410726000000', lineage: [] })).toBe(
      'full',
    );
  });
});
