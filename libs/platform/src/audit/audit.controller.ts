import { z } from 'zod';

import { isoInstantSchema } from '../http/iso-instant';
import { StaffController } from '../http/staff-controller.decorator';
import { StaffRoute } from '../http/staff-route.decorator';
import { ZodQuery } from '../http/zod-query.decorator';
import { AuditKinds, type AuditRecord } from './audit-chain';
import { AuditTrail } from './audit-trail.service';

const instant = isoInstantSchema.transform((s) => new Date(s));

export const auditQuerySchema = z.object({
  from: instant.optional().describe('起（含） from, ISO 8601 with offset'),
  to: instant.optional().describe('止（不含） to, exclusive'),
  subject: z.string().min(1).max(200).optional().describe('操作人 the subject (sub) who acted'),
  unitId: z.string().min(1).max(200).optional().describe('操作人单位 the actor’s unit'),
  caseId: z.uuid().optional().describe('信访事项 one case'),
  kind: z.enum(AuditKinds).optional().describe('记录类型 request | personal-data-read | config-change | ops-action | anchor | sign-in'),
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE', 'GET']).optional(),
  status: z.coerce.number().int().min(100).max(599).optional().describe('结果状态码 the answer’s HTTP status'),
  before: z.coerce.number().int().min(1).optional().describe('翻页：上一页最后一条的 seq / records before this seq'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQueryDto = z.infer<typeof auditQuerySchema>;

/**
 * 审计记录查询: the audit administrator (`audit-admin`, 三员分立) reads this service's audit trail, newest first; no
 * other role may, and the administrator may do nothing else here. Each record carries its hash and the one before it.
 */
@StaffController('audit', 'audit 安全审计')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @StaffRoute('GET', 'records', {
    roles: ['audit-admin'],
    summary:
      '审计记录（审计管理员；按时间、操作人、单位、信访事项、类型、结果筛选，新的在前） Audit records of this service, newest first (audit-admin only)',
  })
  async records(@ZodQuery(auditQuerySchema) q: AuditQueryDto): Promise<{ items: AuditRecord[]; next: number | null }> {
    const items = await this.trail.search(q);
    return { items, next: items.length === q.limit ? (items[items.length - 1]?.seq ?? null) : null };
  }
}
