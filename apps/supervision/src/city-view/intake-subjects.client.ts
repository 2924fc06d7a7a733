import { Inject, Injectable } from '@nestjs/common';
import { readCaseSubjects } from '@sunshine/platform';

import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';

/** The subjects (事由) of listed cases, from intake with the caller's own token (libs/platform `readCaseSubjects`). */
@Injectable()
export class IntakeSubjectsClient {
  constructor(@Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig) {}

  subjects(caseIds: readonly string[], token: string): Promise<ReadonlyMap<string, string>> {
    return readCaseSubjects(this.config.intakeUrl, caseIds, token);
  }
}
