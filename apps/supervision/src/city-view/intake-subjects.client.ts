import { Inject, Injectable, Logger } from '@nestjs/common';
import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';

const TIMEOUT_MS = 3000;

/**
 * The subjects (事由) of listed cases, read from intake (`GET /petitions/subjects`) with the caller's own token: intake
 * answers only for the cases the caller may read in full (caseAccess `full`), so supervision stores no petition text
 * and applies no second rule. Intake not answering leaves the subjects out (null), never the list.
 */
@Injectable()
export class IntakeSubjectsClient {
  private readonly logger = new Logger(IntakeSubjectsClient.name);

  constructor(@Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig) {}

  async subjects(caseIds: readonly string[], token: string): Promise<ReadonlyMap<string, string>> {
    if (caseIds.length === 0) return new Map();
    try {
      const res = await fetch(`${this.config.intakeUrl}/petitions/subjects?caseIds=${caseIds.join(',')}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (res.status !== 200) {
        this.logger.warn(`case subjects: intake answered ${res.status}`);
        return new Map();
      }
      const body = (await res.json()) as { items?: Array<{ caseId?: unknown; subject?: unknown }> };
      return new Map(
        (body.items ?? []).flatMap((i) => (typeof i.caseId === 'string' && typeof i.subject === 'string' ? [[i.caseId, i.subject] as const] : [])),
      );
    } catch (error) {
      this.logger.warn(`case subjects: intake unreachable (${error instanceof Error ? error.name : 'error'})`);
      return new Map();
    }
  }
}
