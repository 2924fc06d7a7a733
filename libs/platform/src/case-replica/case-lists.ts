import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { StaffPrincipal } from '../auth/staff-claims';
import { CaseVisibility } from './case-visibility.service';
import type { VisibilitySql } from './visibility-sql';

/** One page of a list: at most `limit` rows, after skipping `offset`. */
export interface ListPage {
  readonly limit: number;
  readonly offset?: number;
}

/**
 * A list over the case replica, limited by the one visibility rule to the cases the caller may know of: the rule is the
 * first condition, and every other condition takes its parameter through here, so the placeholders are numbered once
 * (after the rule's own) and a list cannot mis-number them.
 */
export class VisibleCaseQuery {
  private readonly params: unknown[];
  private readonly conditions: string[];

  constructor(
    private readonly m: EntityManager,
    visibility: VisibilitySql,
  ) {
    this.params = [...visibility.params];
    this.conditions = [visibility.visible];
  }

  /** Adds a condition: plain SQL, or SQL around the placeholder of `value`. */
  where(condition: string): this;
  where(condition: (placeholder: string) => string, value: unknown): this;
  where(condition: string | ((placeholder: string) => string), value?: unknown): this {
    this.conditions.push(typeof condition === 'string' ? condition : condition(`$${this.params.push(value)}`));
    return this;
  }

  /** Adds the condition only when the filter was given (a query parameter left out filters nothing). */
  whereGiven<T>(value: T | undefined, condition: (placeholder: string) => string): this {
    return value === undefined ? this : this.where(condition, value);
  }

  /** `selectFrom` (a `SELECT … FROM …` that names the replica by the alias the rule was made for) filtered, ordered, one page. */
  rows<T = Record<string, unknown>>(selectFrom: string, orderBy: string, page: ListPage): Promise<T[]> {
    const n = this.params.length;
    const offset = page.offset === undefined ? [] : [page.offset];
    return this.m.query<T[]>(
      `${selectFrom} WHERE ${this.clause} ORDER BY ${orderBy} LIMIT $${n + 1}${offset.length > 0 ? ` OFFSET $${n + 2}` : ''}`,
      [...this.params, page.limit, ...offset],
    );
  }

  /** How many rows of `from` (`FROM …`) the conditions keep, all pages together. */
  async count(from: string): Promise<number> {
    const [row] = await this.m.query<Array<{ n: number }>>(`SELECT count(*)::int AS n ${from} WHERE ${this.clause}`, this.params);
    return Number(row?.n ?? 0);
  }

  private get clause(): string {
    return this.conditions.join(' AND ');
  }
}

/**
 * Starts the lists of a caller: its own tables joined to `case_replica`, through the one visibility rule. Needs the case
 * replica (CaseVisibility); provide it in the module whose services list cases.
 */
@Injectable()
export class CaseLists {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: CaseVisibility,
  ) {}

  /** A query over the cases `staff` may know of, the replica aliased `alias` in the SQL the list writes. */
  async visibleTo(staff: StaffPrincipal, alias = 'v', m: EntityManager = this.dataSource.manager): Promise<VisibleCaseQuery> {
    return new VisibleCaseQuery(m, await this.visibility.sql(staff, 1, alias, m));
  }
}
