import { Injectable } from '@nestjs/common';
import { DEFAULT_ROUTING_RULE_SET, parseRoutingRuleSet, type RoutingRuleSet, type RoutingRuleSetInput } from '@sunshine/domain';
import { DomainException } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

export interface StoredRuleSet {
  readonly ruleSet: RoutingRuleSet;
  readonly active: boolean;
  /** The law's default set shipped with the platform: in force until a jurisdiction activates its own. */
  readonly builtIn: boolean;
  readonly note: string | null;
  /** Why this version was stored (required for every version stored since issue 17; null for the built-in set and older rows). */
  readonly reason: string | null;
  readonly createdBy: string | null;
  /** The unit of whoever stored it (a city-level unit; null for the built-in set and older rows). */
  readonly createdByUnit: string | null;
  readonly createdAt: string | null;
  readonly activatedAt: string | null;
}

interface Row {
  id: string;
  version: number;
  rules: unknown;
  active: boolean;
  note: string | null;
  reason: string | null;
  created_by: string;
  created_by_unit: string | null;
  created_at: Date;
  activated_at: Date | null;
}

/** Who stores a version, from which unit, and why (and an optional short note). */
export interface RuleSetAuthorship {
  readonly by: string;
  readonly unitId: string;
  readonly reason: string;
  readonly note?: string;
}

export const RULE_SET_NOT_FOUND = new DomainException('RULE_SET_NOT_FOUND', 'not-found', {
  zh: '分办规则集不存在',
  en: 'no such rule set',
});

/** Routing rules as versioned data: stored sets, one active (else the built-in default), never edited in place. */
@Injectable()
export class RuleSetStore {
  private cached?: { key: string; ruleSet: RoutingRuleSet };

  async active(m: EntityManager): Promise<RoutingRuleSet> {
    const [row] = await m.query<Row[]>(`SELECT id, version, rules FROM routing_rule_sets WHERE active`);
    if (!row) return DEFAULT_ROUTING_RULE_SET;
    const key = `${row.id}@${row.version}`;
    if (this.cached?.key !== key) this.cached = { key, ruleSet: toRuleSet(row) };
    return this.cached.ruleSet;
  }

  async list(m: EntityManager): Promise<StoredRuleSet[]> {
    const rows = await m.query<Row[]>(`SELECT * FROM routing_rule_sets ORDER BY id, version`);
    return [builtIn(!rows.some((r) => r.active)), ...rows.map(toStored)];
  }

  async get(m: EntityManager, id: string, version: number): Promise<StoredRuleSet> {
    const [row] = await m.query<Row[]>(`SELECT * FROM routing_rule_sets WHERE id = $1 AND version = $2`, [id, version]);
    if (row) return toStored(row);
    if (id === DEFAULT_ROUTING_RULE_SET.id && version === DEFAULT_ROUTING_RULE_SET.version) {
      const [active] = await m.query<unknown[]>(`SELECT 1 FROM routing_rule_sets WHERE active`);
      return builtIn(!active);
    }
    throw RULE_SET_NOT_FOUND;
  }

  /** Stores a new version of rule set `id` (the next number), inactive until activated, with who, from which unit and why. */
  async create(m: EntityManager, input: Omit<RoutingRuleSetInput, 'version'>, author: RuleSetAuthorship): Promise<StoredRuleSet> {
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`routing-rule-set|${input.id}`]);
    const [row] = await m.query<Array<{ max: number | null }>>(`SELECT max(version) AS max FROM routing_rule_sets WHERE id = $1`, [
      input.id,
    ]);
    const floor = input.id === DEFAULT_ROUTING_RULE_SET.id ? DEFAULT_ROUTING_RULE_SET.version : 0;
    const version = Math.max(Number(row?.max ?? 0), floor) + 1;
    const ruleSet = parseRoutingRuleSet({ ...input, version });
    await m.query(
      `INSERT INTO routing_rule_sets (id, version, rules, note, reason, created_by, created_by_unit) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [ruleSet.id, ruleSet.version, JSON.stringify(ruleSet.rules), author.note ?? null, author.reason, author.by, author.unitId],
    );
    return this.get(m, ruleSet.id, ruleSet.version);
  }

  /** Puts a stored version in force; the one in force before is kept (versions are never deleted). */
  async activate(m: EntityManager, id: string, version: number, by: string): Promise<StoredRuleSet> {
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', ['routing-rule-set|activate']);
    await this.get(m, id, version);
    await m.query(`UPDATE routing_rule_sets SET active = false WHERE active`);
    await m.query(`UPDATE routing_rule_sets SET active = true, activated_by = $3, activated_at = now() WHERE id = $1 AND version = $2`, [
      id,
      version,
      by,
    ]);
    return this.get(m, id, version);
  }
}

function toRuleSet(r: Pick<Row, 'id' | 'version' | 'rules'>): RoutingRuleSet {
  return parseRoutingRuleSet({ id: r.id, version: Number(r.version), rules: r.rules as RoutingRuleSetInput['rules'] });
}

function toStored(r: Row): StoredRuleSet {
  return {
    ruleSet: toRuleSet(r),
    active: r.active,
    builtIn: false,
    note: r.note,
    reason: r.reason,
    createdBy: r.created_by,
    createdByUnit: r.created_by_unit,
    createdAt: new Date(r.created_at).toISOString(),
    activatedAt: r.activated_at ? new Date(r.activated_at).toISOString() : null,
  };
}

function builtIn(active: boolean): StoredRuleSet {
  return {
    ruleSet: DEFAULT_ROUTING_RULE_SET,
    active,
    builtIn: true,
    note: '《信访工作条例》默认规则',
    reason: null,
    createdBy: null,
    createdByUnit: null,
    createdAt: null,
    activatedAt: null,
  };
}
