import { Module } from '@nestjs/common';
import { DirectoryCache } from '../directory/directory.cache';
import { OrgDirectoryService } from '../directory/org-directory.service';
import { StaffUsersService } from '../directory/staff-users.service';
import { RoutingPolicyService } from '../dispatch/routing-policy.service';
import { DocumentIssuer } from '../documents/document.issuer';
import { ReplyStore } from '../reply/reply.store';
import { RuleSetStore } from '../rules/rule-set.store';
import { CaseAccess } from './case-access.service';
import { CaseActionRunner } from './case-action.runner';
import { CaseStore } from './case.store';
import { CaseTransitions } from './case-transitions.service';
import { DispatchLog } from './dispatch-log';

const SHARED = [
  DirectoryCache,
  OrgDirectoryService,
  StaffUsersService,
  CaseStore,
  CaseAccess,
  CaseTransitions,
  CaseActionRunner,
  DispatchLog,
  DocumentIssuer,
  ReplyStore,
  RuleSetStore,
  RoutingPolicyService,
];

/** What every routing feature stands on: the directory, the case store, the one way to change a case, visibility. */
@Module({ providers: SHARED, exports: SHARED })
export class CasesModule {}
