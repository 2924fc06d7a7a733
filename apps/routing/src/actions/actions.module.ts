import { Module } from '@nestjs/common';

import { CaseViewController } from '../cases/case-view.controller';
import { CaseViewService } from '../cases/case-view.service';
import { CasesModule } from '../cases/cases.module';
import { DeskController } from '../desk/desk.controller';
import { DeskService } from '../desk/desk.service';
import { DocumentsController } from '../documents/documents.controller';
import { DocumentsService } from '../documents/documents.service';
import { IntakeDossierClient } from '../documents/intake-dossier.client';
import { InboxController } from '../inbox/inbox.controller';
import { InboxService } from '../inbox/inbox.service';
import { ReplyController } from '../reply/reply.controller';
import { ReplyService } from '../reply/reply.service';
import { HandlingActionsController } from './handling-actions.controller';
import { ObjectionController } from './objection.controller';
import { ObjectionService } from './objection.service';
import { ReceiptActionsController } from './receipt-actions.controller';
import { UnitActionsService } from './unit-actions.service';
import { WrittenReportsService } from './written-reports.service';

/** The unit's side: inbox, case view, actions, objections, the reply, the desk and the documents. */
@Module({
  imports: [CasesModule],
  controllers: [
    InboxController,
    CaseViewController,
    ReceiptActionsController,
    HandlingActionsController,
    ObjectionController,
    ReplyController,
    DeskController,
    DocumentsController,
  ],
  providers: [
    InboxService,
    CaseViewService,
    UnitActionsService,
    WrittenReportsService,
    ObjectionService,
    ReplyService,
    DeskService,
    DocumentsService,
    IntakeDossierClient,
  ],
})
export class ActionsModule {}
