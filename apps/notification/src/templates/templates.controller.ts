import { Param } from '@nestjs/common';
import { DomainException, StaffController, StaffRoute, ZodBody } from '@sunshine/platform';
import { z } from 'zod';

import { NOTICE_TEMPLATES } from './notice-templates';
import { type RenderedNotice, TemplateRenderer } from './template-renderer';

const previewSchema = z.object({
  params: z
    .record(z.string().regex(/^[a-zA-Z]{1,40}$/), z.union([z.string().max(200), z.number(), z.boolean()]))
    .describe('模板参数（如 caseNumber、lastDay） the template’s parameters, e.g. caseNumber, lastDay'),
});

/** The zh-CN notice templates (versioned) and a preview with parameters the caller gives (no case is read). */
@StaffController('notice-templates', 'in-app notices 站内通知')
export class TemplatesController {
  constructor(private readonly renderer: TemplateRenderer) {}

  @StaffRoute('GET', '', { summary: '通知模板（含版本） The notice templates with their versions' })
  list(): Array<{ kind: string; name: string; version: number; subject: string; text: string }> {
    return Object.entries(NOTICE_TEMPLATES).map(([kind, t]) => ({ kind, ...t }));
  }

  @StaffRoute('POST', ':kind/preview', { status: 200, summary: '模板预览 Render a template with the parameters given' })
  preview(@Param('kind') kind: string, @ZodBody(previewSchema) body: z.infer<typeof previewSchema>): RenderedNotice {
    if (!this.renderer.has(kind)) {
      throw new DomainException('TEMPLATE_NOT_FOUND', 'not-found', {
        zh: `没有该通知类型的模板：${kind.slice(0, 60)}`,
        en: `no template for notice kind ${kind.slice(0, 60)}`,
      });
    }
    return this.renderer.render(kind, body.params);
  }
}
