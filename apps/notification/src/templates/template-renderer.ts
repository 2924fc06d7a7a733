import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';

import type { NoticeParams } from './notice-params';
import { NOTICE_TEMPLATES, PERIOD_PARTIAL } from './notice-templates';

export interface RenderedNotice {
  readonly kind: string;
  readonly version: number;
  readonly subject: string;
  readonly text: string;
}

type Compiled = { readonly version: number; readonly subject: HandlebarsTemplateDelegate; readonly text: HandlebarsTemplateDelegate };

/**
 * Renders a notice kind with its parameters: handlebars, in an isolated environment (no helpers but the period
 * partial), text without HTML escaping (SMS, e-mail text, in-app); a kind without a template is refused.
 */
@Injectable()
export class TemplateRenderer {
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, Compiled>();

  constructor() {
    this.hbs.registerPartial('period', PERIOD_PARTIAL);
    for (const [kind, t] of Object.entries(NOTICE_TEMPLATES)) {
      const options = { noEscape: true, strict: false };
      this.compiled.set(kind, {
        version: t.version,
        subject: this.hbs.compile(t.subject, options),
        text: this.hbs.compile(t.text.replace('{{period}}', '{{> period}}'), options),
      });
    }
  }

  kinds(): string[] {
    return [...this.compiled.keys()];
  }

  has(kind: string): boolean {
    return this.compiled.has(kind);
  }

  render(kind: string, params: NoticeParams): RenderedNotice {
    const t = this.compiled.get(kind);
    if (!t) throw new Error(`no template for notice kind ${kind}`);
    return { kind, version: t.version, subject: t.subject(params).trim(), text: t.text(params).trim() };
  }
}
