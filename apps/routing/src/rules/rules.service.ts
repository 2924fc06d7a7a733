import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BUREAU_KINDS,
  petitionFactsOf,
  type ReplayReport,
  replayRouting,
  reviveCaseState,
  type RoutingCase,
  type RoutingRuleSet,
} from '@sunshine/domain';
import { arrayContainsSql, CaseVisibility, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { DirectoryCache } from '../directory/directory.cache';
import { RoutingReferencePublisher } from './routing-reference.publisher';
import { RuleSetStore, type StoredRuleSet } from './rule-set.store';
import type { CreateRuleSetDto, ReplayDto } from './rules.dto';

/** Routing rules as versioned data: list, create a version, activate one, replay a candidate over past cases. */
@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: RuleSetStore,
    private readonly directory: DirectoryCache,
    private readonly reference: RoutingReferencePublisher,
    private readonly visibility: CaseVisibility,
  ) {}

  list(): Promise<StoredRuleSet[]> {
    return this.store.list(this.dataSource.manager);
  }

  async active(): Promise<RoutingRuleSet> {
    return this.store.active(this.dataSource.manager);
  }

  get(id: string, version: number): Promise<StoredRuleSet> {
    return this.store.get(this.dataSource.manager, id, version);
  }

  /** Stores a version (the controller lets only an admin of a city-level unit here), recording who, the unit and why. */
  create(staff: StaffPrincipal, dto: CreateRuleSetDto): Promise<StoredRuleSet> {
    const author = { by: staff.subject, unitId: staff.unitId, reason: dto.reason, ...(dto.note === undefined ? {} : { note: dto.note }) };
    return this.dataSource.transaction((m) => this.store.create(m, { id: dto.id, rules: dto.rules }, author));
  }

  /** Puts a version in force and publishes it (reference-data topic) in the same transaction. */
  activate(staff: StaffPrincipal, id: string, version: number): Promise<StoredRuleSet> {
    return this.dataSource.transaction(async (m) => {
      const stored = await this.store.activate(m, id, version, staff.subject);
      await this.reference.publishActiveRuleSet(m, { kind: 'staff', id: staff.subject, unitId: staff.unitId });
      return stored;
    });
  }

  /**
   * Which past decisions in the admin's territory would change under the candidate: every bureau decision of each
   * case (the receiving bureau and each bureau a hop went through), replayed with the domain's `replayRouting`. Only
   * cases the admin may see (the one visibility rule): a replay never names an accusation to the accused side.
   */
  async replay(staff: StaffPrincipal, dto: ReplayDto): Promise<ReplayReport> {
    const m = this.dataSource.manager;
    const to = dto.candidate ?? (await this.store.get(m, dto.candidateRef?.id ?? '', dto.candidateRef?.version ?? -1)).ruleSet;
    const from = dto.from ? (await this.store.get(m, dto.from.id, dto.from.version)).ruleSet : await this.store.active(m);
    const directory = await this.directory.current(m);
    const visible = await this.visibility.sql(staff, 5, 'c', m);
    const rows = await m.query<Array<{ case_id: string; state: unknown; bureaus: string[] | null }>>(
      `SELECT c.case_id, c.state, array_remove(array_agg(DISTINCT d.from_unit_id), NULL) AS bureaus
         FROM case_replica c LEFT JOIN dispatches d ON d.case_id = c.case_id
        WHERE ${arrayContainsSql('c', 'territory_codes', '$1')} AND ${visible.visible}
          AND c.registered_at >= coalesce($2::timestamptz, '-infinity') AND c.registered_at < coalesce($3::timestamptz, 'infinity')
        GROUP BY c.case_id ORDER BY c.registered_at LIMIT $4`,
      [staff.divisionCode, dto.since ?? null, dto.until ?? null, dto.limit, ...visible.params],
    );
    const cases: RoutingCase[] = [];
    for (const row of rows) {
      const facts = petitionFactsOf(reviveCaseState(row.state, row.case_id));
      if (!facts) continue;
      const bureaus = new Set([facts.receivingUnitId, ...(row.bureaus ?? [])]);
      for (const unitId of bureaus) {
        const unit = directory.get(unitId);
        if (unit && BUREAU_KINDS.includes(unit.kind)) cases.push({ caseId: row.case_id, facts, currentUnitId: unitId });
      }
    }
    return replayRouting({ from, to, cases, directory });
  }
}
