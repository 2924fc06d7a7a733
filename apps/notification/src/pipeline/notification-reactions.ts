import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseReactions } from '@sunshine/platform';

import { NoticePipeline } from './notice-pipeline.service';

/** What notification does with each event its case replica folds: plan the notices the rule table calls for. */
@Injectable()
export class NotificationReactions implements OnModuleInit {
  constructor(
    private readonly reactions: CaseReactions,
    private readonly pipeline: NoticePipeline,
  ) {}

  onModuleInit(): void {
    this.reactions.on('*', async (m, { event, after }) => {
      await this.pipeline.onCaseEvent(m, event, after);
    });
  }
}
