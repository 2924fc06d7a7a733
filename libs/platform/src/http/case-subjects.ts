import { Logger } from '@nestjs/common';

const TIMEOUT_MS = 3000;
const logger = new Logger('CaseSubjects');

/**
 * The subjects (事由) of listed cases, read from intake (`GET /petitions/subjects`) with the caller's own token: intake
 * answers only for the cases the caller may read in full (caseAccess `full`), so a list stores no petition text and
 * applies no second rule. Intake not answering leaves the subjects out (an empty map), never the list. Used by
 * supervision's city list and routing's inbox.
 */
export async function readCaseSubjects(intakeUrl: string, caseIds: readonly string[], token: string): Promise<ReadonlyMap<string, string>> {
  if (caseIds.length === 0) return new Map();
  try {
    const res = await fetch(`${intakeUrl.replace(/\/$/, '')}/petitions/subjects?caseIds=${caseIds.join(',')}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (res.status !== 200) {
      logger.warn(`case subjects: intake answered ${res.status}`);
      return new Map();
    }
    const body = (await res.json()) as { items?: Array<{ caseId?: unknown; subject?: unknown }> };
    return new Map(
      (body.items ?? []).flatMap((i) =>
        typeof i.caseId === 'string' && typeof i.subject === 'string' ? [[i.caseId, i.subject] as const] : [],
      ),
    );
  } catch (error) {
    logger.warn(`case subjects: intake unreachable (${error instanceof Error ? error.name : 'error'})`);
    return new Map();
  }
}
