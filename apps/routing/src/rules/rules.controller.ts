import { Param, ParseIntPipe } from '@nestjs/common';
import type { ReplayReport, RoutingRuleSet } from '@sunshine/domain';
import { CityLevel, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody } from '@sunshine/platform';

import type { StoredRuleSet } from './rule-set.store';
import { type CreateRuleSetDto, createRuleSetSchema, type ReplayDto, replaySchema } from './rules.dto';
import { RulesService } from './rules.service';

const RULE_SETS = { zh: '分办规则集的启用与回放', en: 'Putting a routing rule set in force or replaying one' };
const RULE_SET_VERSIONS = { zh: '分办规则集新版本的保存', en: 'Storing a new routing rule set version' };

/**
 * Every staff member reads the rules; only an administrator of a city-level unit stores a version (with a required
 * reason, kept with who and which unit), puts one in force or replays it. The rule set is one platform-wide set with no
 * jurisdiction of its own (docs/routing.md), so it is city-wide configuration, which belongs to city-level roles: a
 * county's admin token says `admin` too.
 */
@StaffController('routing-rules', 'routing rules 分办规则')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @StaffRoute('GET', '', { summary: '分办规则集各版本（含内置默认规则） Every rule set version' })
  list(): Promise<StoredRuleSet[]> {
    return this.rules.list();
  }

  @StaffRoute('GET', 'active', { summary: '现行分办规则集 The rule set in force' })
  active(): Promise<RoutingRuleSet> {
    return this.rules.active();
  }

  @StaffRoute('GET', ':id/:version', { summary: '某一版本 One version' })
  get(@Param('id') id: string, @Param('version', ParseIntPipe) version: number): Promise<StoredRuleSet> {
    return this.rules.get(id, version);
  }

  @StaffRoute('POST', '', {
    roles: ['admin'],
    summary: '新建规则集版本（不立即生效；市级单位管理员，须说明理由） Store a new version (a city-level admin, with a reason)',
  })
  @CityLevel(RULE_SET_VERSIONS)
  create(@ZodBody(createRuleSetSchema) dto: CreateRuleSetDto, @Staff() staff: StaffPrincipal): Promise<StoredRuleSet> {
    return this.rules.create(staff, dto);
  }

  @StaffRoute('POST', ':id/:version/activate', {
    status: 200,
    roles: ['admin'],
    summary: '启用该版本（市级单位管理员） Put a version in force (a city-level admin)',
  })
  @CityLevel(RULE_SETS)
  activate(
    @Param('id') id: string,
    @Param('version', ParseIntPipe) version: number,
    @Staff() staff: StaffPrincipal,
  ): Promise<StoredRuleSet> {
    return this.rules.activate(staff, id, version);
  }

  @StaffRoute('POST', 'replay', {
    status: 200,
    roles: ['admin'],
    summary: '以候选规则回放历史案件，列出会改变的分办结果（市级单位管理员） Replay a candidate over past cases (a city-level admin)',
  })
  @CityLevel(RULE_SETS)
  replay(@ZodBody(replaySchema) dto: ReplayDto, @Staff() staff: StaffPrincipal): Promise<ReplayReport> {
    return this.rules.replay(staff, dto);
  }
}
