import { Module } from '@nestjs/common';

import { OrgDirectoryService } from '../directory/org-directory.service';
import { OrgUnitsDirectoryModule } from '../directory/org-units-directory.module';
import { StaffUsersService } from '../directory/staff-users.service';
import { RoutingPolicyService } from '../dispatch/routing-policy.service';
import { DocumentIssuer } from '../documents/document.issuer';
import { ReplyStore } from '../reply/reply.store';
import { RuleSetStore } from '../rules/rule-set.store';
import { CaseAccess } from './case-access.service';
import { CaseActionRunner } from './case-action.runner';
import { DispatchLog } from './dispatch-log';
import { RoutingDueResolver } from './routing-due.resolver';

const SHARED = [
  OrgDirectoryService,
  StaffUsersService,
  CaseAccess,
  CaseActionRunner,
  DispatchLog,
  DocumentIssuer,
  ReplyStore,
  RuleSetStore,
  RoutingPolicyService,
  RoutingDueResolver,
];

/**
 * What every routing feature stands on besides the case replica (global: store, emitter, visibility, commands): the
 * directory routing owns, the action runner, the dispatch record, documents, replies and rules.
 */
@Module({ imports: [OrgUnitsDirectoryModule], providers: SHARED, exports: [OrgUnitsDirectoryModule, ...SHARED] })
export class CasesModule {}
