import type { ServiceName, StaffRole } from '@sunshine/platform';
import { DEMO_CITY, DEMO_COUNTY, DEMO_DONGTUN, DEMO_UNITS, eventually, ServiceHarness, sql } from '@sunshine/testing';

/** Units of routing's small fixture (apps/routing/src/seed/small-fixture.ts). */
export const UNITS = {
  cityBureau: { unit: DEMO_UNITS.cityBureau, division: DEMO_CITY },
  countyBureau: { unit: DEMO_UNITS.countyBureau, division: DEMO_COUNTY },
  hrss: { unit: DEMO_UNITS.hrss, division: DEMO_COUNTY },
  housing: { unit: DEMO_UNITS.housing, division: DEMO_COUNTY },
  dongtun: { unit: DEMO_UNITS.dongtun, division: DEMO_DONGTUN },
} as const;

export type UnitKey = keyof typeof UNITS;

/** Routing's seed fixtures and how many units each has: `small` (the units above), `demo` (新乡市 with 延津县 complete). */
const FIXTURE_UNITS = { small: 5, demo: 1280 } as const;
export type DirectoryFixture = keyof typeof FIXTURE_UNITS;

/**
 * Seeds routing's directory with `fixture` and waits until all of it has reached intake's directory replica (a
 * petition cannot be registered before).
 */
export async function seedDirectory(h: ServiceHarness, fixture: DirectoryFixture): Promise<void> {
  await h.runCli('apps/routing/src/seed/seed.js', ['--fixture', fixture]);
  await eventually(
    async () => {
      const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${h.schema('intake')}".directory_units`);
      return Number(row?.n) >= FIXTURE_UNITS[fixture] ? true : undefined;
    },
    120000,
    `the ${fixture} directory to reach intake`,
  );
}

/** The services (all five unless named) on real infrastructure, with `env` added, and the directory seeded. */
export async function startWithDirectory(
  fixture: DirectoryFixture,
  options: { readonly env?: Record<string, string>; readonly services?: readonly ServiceName[] } = {},
): Promise<ServiceHarness> {
  const h = await ServiceHarness.create(options.env);
  await h.startAll(options.services);
  await seedDirectory(h, fixture);
  return h;
}

export function claims(unit: UnitKey, roles: StaffRole[] = ['clerk', 'handler', 'head', 'dispatcher', 'supervisor']) {
  return { sub: `${unit}-staff`, unit: UNITS[unit].unit, division: UNITS[unit].division, roles };
}

/** A labour dispute at 东屯镇, registered at 延津县信访局 (a visit). */
export function labourPetition(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'visit',
    receivedAt: new Date().toISOString(),
    type: 'claim',
    category: 'labour',
    placeCode: '410726101000',
    subject: '拖欠农民工工资',
    content: '本人在东屯镇某建筑工地务工，工程结束后老板拖欠工资三个月未付，请求帮助追讨。',
    petitioner: { name: '张三', idNumber: '410726199001011234', phone: '13800138000', address: '延津县东屯镇' },
    form: { kind: 'individual' },
    ...overrides,
  };
}
