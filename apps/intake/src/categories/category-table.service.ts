import { Injectable } from '@nestjs/common';
import type { CategoryTaxon } from '@sunshine/domain';
import { OrgDirectorySource, ReferenceDataService } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { unprocessableField } from '../core/intake-errors';

/** The category that takes a matter no code of the table names (其他): the clerk's words are kept beside it. */
export const OTHER_CATEGORY = 'other';

export interface CategoryEntry {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** A jurisdiction's finer category: its parent code and the jurisdiction (division code) that added it. */
  readonly parent?: string;
  readonly jurisdiction?: string;
  /** The unit kinds the directory makes competent for it (谁主管), e.g. `dept-hrss`; `government` for 属地 matters. */
  readonly competentKinds: readonly string[];
}

/** A category as registered: a code of the table, or `other` with the clerk's words kept (有访必录入). */
export type ResolvedCategory = { readonly code: string; readonly asGiven?: string };

/**
 * The category code table (问题类别) as intake uses it, from one source: the reference data's table
 * (`ReferenceDataService.categoryTable()`, the platform's defaults until routing publishes one) with the competences of
 * the organisation directory. The list endpoint, staff registration, corrections and the online form all read it here.
 */
@Injectable()
export class CategoryTableService {
  constructor(
    private readonly reference: ReferenceDataService,
    private readonly directory: OrgDirectorySource,
  ) {}

  async list(m?: EntityManager): Promise<CategoryEntry[]> {
    const units = (await this.directory.current(m)).units;
    return this.reference.categoryTable().entries.map((c: CategoryTaxon) => ({
      code: c.code,
      zh: c.zh,
      en: c.en,
      ...(c.parent ? { parent: c.parent } : {}),
      ...(c.jurisdiction ? { jurisdiction: c.jurisdiction } : {}),
      competentKinds: [...new Set(units.filter((u) => u.competences.includes(c.code)).map((u) => u.kind))].sort(),
    }));
  }

  has(code: string): boolean {
    return this.reference.categoryTable().has(code);
  }

  /** A code of the table stays itself; anything else (a code not in the table, the clerk's words) is `other`, kept as given. */
  resolve(given: string): ResolvedCategory {
    const trimmed = given.trim();
    return this.has(trimmed) ? { code: trimmed } : { code: OTHER_CATEGORY, asGiven: trimmed };
  }

  /** 422 UNKNOWN_CATEGORY unless the code is in the table (a correction or a form choosing from the list). */
  assertKnown(code: string, field: string): void {
    if (!this.has(code)) {
      throw unprocessableField('UNKNOWN_CATEGORY', field, '信访类别不在类别代码表中', `category ${code} is not in the category code table`);
    }
  }
}
