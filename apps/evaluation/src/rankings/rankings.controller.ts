import { Param } from '@nestjs/common';
import { divisionCodeSchema } from '@sunshine/contracts';
import { scoringSchemeSchema } from '@sunshine/domain';
import {
  CityLevel,
  Clock,
  Staff,
  StaffController,
  type StaffPrincipal,
  StaffRoute,
  ZodBody,
  ZodQuery,
  ZodResponse,
} from '@sunshine/platform';
import { z } from 'zod';

import { dated, FIGURE_ROLES, periodAskSchema } from '../kpis/kpi-ask.schema';
import { type PublishedRanking, type RankingPreview, RankingService } from './ranking.service';
import { publishedRankingListSchema, publishedRankingSchema, rankingPreviewSchema } from './rankings.response';
import { ScoringSchemeStore, type StoredScheme } from './scoring-scheme.store';

const SCHEMES = { zh: '考评方案新版本的保存', en: 'Storing a new scoring scheme version' };

const rankingAskSchema = periodAskSchema.extend({
  divisionCode: divisionCodeSchema.describe('辖区 The territory whose counties or townships are ranked'),
  level: z.enum(['county', 'township']).describe('参评层级 Rank its counties or its townships'),
});
type RankingAskDto = z.infer<typeof rankingAskSchema>;

const saveSchemeSchema = z.object({
  divisionCode: divisionCodeSchema.describe('适用辖区 The jurisdiction it applies to (and below, unless a nearer one exists)'),
  scheme: scoringSchemeSchema,
  reason: z.string().trim().min(2).max(200).describe('修订理由 Why'),
});
type SaveSchemeDto = z.infer<typeof saveSchemeSchema>;

const schemeIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,59}$/);

/**
 * Scoring schemes are city-wide configuration (a city-level admin stores a version, with a reason); rankings are
 * computed by and for the bureaus, supervisors and leaders of the territory, and published once per period.
 */
@StaffController('', 'rankings 考核排名')
export class RankingsController {
  constructor(
    private readonly rankings: RankingService,
    private readonly schemes: ScoringSchemeStore,
    private readonly clock: Clock,
  ) {}

  @StaffRoute('GET', 'scoring-schemes', { roles: FIGURE_ROLES, summary: '考评方案各版本 Every scoring scheme version' })
  listSchemes(): Promise<StoredScheme[]> {
    return this.schemes.list();
  }

  @StaffRoute('PUT', 'scoring-schemes/:id', {
    roles: ['admin'],
    summary: '保存考评方案新版本（市级单位管理员，须说明理由） Store a new scheme version (a city-level admin, with a reason)',
  })
  @CityLevel(SCHEMES)
  saveScheme(
    @Param('id') id: string,
    @ZodBody(saveSchemeSchema) body: SaveSchemeDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<StoredScheme> {
    return this.schemes.save(staff, schemeIdSchema.parse(id), body, this.clock.now());
  }

  @StaffRoute('GET', 'rankings/preview', {
    roles: FIGURE_ROLES,
    summary: '按现行方案试算排名（不发布） The ranking as it stands (not published)',
  })
  @ZodResponse(rankingPreviewSchema)
  preview(@ZodQuery(rankingAskSchema) q: RankingAskDto, @Staff() staff: StaffPrincipal): Promise<RankingPreview> {
    return this.rankings.compute(staff, dated(q, this.clock.now()));
  }

  @StaffRoute('GET', 'rankings', { roles: FIGURE_ROLES, summary: '已发布的排名（红黑榜） Published rankings with red and black lists' })
  @ZodResponse(publishedRankingListSchema)
  list(@Staff() staff: StaffPrincipal): Promise<PublishedRanking[]> {
    return this.rankings.list(staff);
  }

  @StaffRoute('POST', 'rankings', {
    roles: ['head', 'supervisor'],
    summary: '发布本期排名（每期一次） Publish the ranking of a period (once)',
  })
  @ZodResponse(publishedRankingSchema, { status: 201 })
  publish(@ZodBody(rankingAskSchema) body: RankingAskDto, @Staff() staff: StaffPrincipal): Promise<PublishedRanking> {
    return this.rankings.publish(staff, dated(body, this.clock.now()));
  }
}
