import { Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CityLevel, DomainException, Roles, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { z } from 'zod';

import { NOTICE_TEMPLATES } from '../templates/notice-templates';
import { DEFAULT_NOTICE_RULES } from './default-notice-rules';
import { noticeRuleSchema } from './notice-rule';
import { NoticeRuleSetService } from './notice-rule-set.service';

const storeSchema = z.object({
  rules: z.array(noticeRuleSchema).min(1).max(200).describe('该辖区的通知规则表（整表） the jurisdiction’s whole rule table'),
  reason: z.string().trim().min(2).max(500).describe('理由 why (recorded with who stored it)'),
});
const DIVISION = /^\d{12}$/;

/**
 * The notice rule table: the defaults in code, and the versions jurisdictions stored (city-wide configuration: only an
 * admin of a city-level unit stores one, with a reason). A rule whose kind has no template is refused.
 */
@StaffController('notice-rules', 'in-app notices 站内通知')
export class NoticeRulesController {
  constructor(
    private readonly rules: NoticeRuleSetService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @StaffRoute('GET', '', { summary: '通知规则表：默认规则与各辖区已存版本 The default rule table and the versions jurisdictions stored' })
  async list() {
    return { defaults: DEFAULT_NOTICE_RULES, stored: await this.rules.versions(this.dataSource.manager) };
  }

  @Roles('admin')
  @CityLevel({ zh: '通知规则表', en: 'notice rule tables' })
  @StaffRoute('PUT', ':divisionCode', {
    summary: '存储辖区通知规则表的新版本（须说明理由） Store a jurisdiction’s next rule table version, with a reason',
  })
  async store(
    @Param('divisionCode') divisionCode: string,
    @ZodBody(storeSchema) body: z.infer<typeof storeSchema>,
    @Staff() staff: StaffPrincipal,
  ) {
    if (!DIVISION.test(divisionCode)) {
      throw new DomainException('VALIDATION_FAILED', 'invalid', { zh: '区划代码应为12位数字', en: 'the division code has 12 digits' });
    }
    const unknown = [...new Set(body.rules.map((r) => r.kind))].filter((k) => !NOTICE_TEMPLATES[k]);
    if (unknown.length > 0) {
      throw new DomainException(
        'NOTICE_KIND_UNKNOWN',
        'unprocessable',
        { zh: `以下通知类型没有模板：${unknown.join('、')}`, en: `no template for: ${unknown.join(', ')}` },
        { kinds: unknown },
      );
    }
    return this.rules.store(
      this.dataSource.manager,
      divisionCode,
      body.rules,
      { subject: staff.subject, unitId: staff.unitId },
      body.reason,
    );
  }
}
