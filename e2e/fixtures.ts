import type { StaffRole } from '@sunshine/platform';

/** Units of routing's small fixture (apps/routing/src/seed/small-fixture.ts). */
export const UNITS = {
  cityBureau: { unit: '410700000000:petition-bureau', division: '410700000000' },
  countyBureau: { unit: '410726000000:petition-bureau', division: '410726000000' },
  hrss: { unit: '410726000000:dept-hrss', division: '410726000000' },
  housing: { unit: '410726000000:dept-housing', division: '410726000000' },
  dongtun: { unit: '410726101000:government', division: '410726101000' },
} as const;

export type UnitKey = keyof typeof UNITS;

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
