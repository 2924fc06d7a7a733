import { Injectable } from '@nestjs/common';
import { divisionContains } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

import { DEFAULT_NOTICE_RULES } from './default-notice-rules';
import { type NoticeRuleSet, noticeRuleSetSchema } from './notice-rule';

const REFRESH_MS = 2000;

interface StoredSet extends NoticeRuleSet {
  readonly divisionCode: string;
}

/**
 * The rule table in force for a case: the latest version a jurisdiction stored for the most specific division that holds
 * the case's place, else the defaults in code. Stored sets are read at most every 2 s (another instance may have added one).
 */
@Injectable()
export class NoticeRuleSetService {
  private cache: { at: number; sets: StoredSet[] } | null = null;

  async forPlace(m: EntityManager, placeCode: string | null): Promise<NoticeRuleSet & { readonly divisionCode: string | null }> {
    const sets = await this.stored(m);
    const match = placeCode
      ? sets
          .filter((s) => divisionContains(s.divisionCode, placeCode))
          .sort((a, b) => b.divisionCode.replace(/0+$/, '').length - a.divisionCode.replace(/0+$/, '').length)[0]
      : undefined;
    return match ?? { ...DEFAULT_NOTICE_RULES, divisionCode: null };
  }

  /** Stores a jurisdiction's next version; answers it. */
  async store(
    m: EntityManager,
    divisionCode: string,
    rules: NoticeRuleSet['rules'],
    who: { subject: string; unitId: string },
    reason: string,
  ): Promise<StoredSet> {
    const [row] = await m.query<Array<{ version: number }>>(
      `INSERT INTO notice_rule_sets (division_code, version, rules, created_by, created_by_unit, reason)
       SELECT $1, COALESCE(MAX(version), $6) + 1, $2, $3, $4, $5 FROM notice_rule_sets WHERE division_code = $1 RETURNING version`,
      [divisionCode, JSON.stringify(rules), who.subject, who.unitId, reason, DEFAULT_NOTICE_RULES.version],
    );
    this.cache = null;
    return { divisionCode, version: Number(row?.version), rules };
  }

  async versions(
    m: EntityManager,
  ): Promise<
    Array<{ divisionCode: string; version: number; createdBy: string; createdByUnit: string; reason: string; createdAt: string }>
  > {
    const rows = await m.query<Array<Record<string, unknown>>>(
      `SELECT division_code, version, created_by, created_by_unit, reason, created_at FROM notice_rule_sets ORDER BY division_code, version`,
    );
    return rows.map((r) => ({
      divisionCode: String(r['division_code']),
      version: Number(r['version']),
      createdBy: String(r['created_by']),
      createdByUnit: String(r['created_by_unit']),
      reason: String(r['reason']),
      createdAt: new Date(r['created_at'] as string).toISOString(),
    }));
  }

  private async stored(m: EntityManager): Promise<StoredSet[]> {
    if (this.cache && Date.now() - this.cache.at < REFRESH_MS) return this.cache.sets;
    const rows = await m.query<Array<{ division_code: string; version: number; rules: unknown }>>(
      `SELECT DISTINCT ON (division_code) division_code, version, rules FROM notice_rule_sets ORDER BY division_code, version DESC`,
    );
    const sets = rows.map((r) => ({
      divisionCode: r.division_code,
      ...noticeRuleSetSchema.parse({ version: Number(r.version), rules: r.rules }),
    }));
    this.cache = { at: Date.now(), sets };
    return sets;
  }
}
