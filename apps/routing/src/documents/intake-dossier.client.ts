import { Injectable, Logger } from '@nestjs/common';
import { loadServiceEnv, readCaseSubjects } from '@sunshine/platform';
import { z } from 'zod';

const schema = z.object({
  /** intake's base URL: routing reads the petitioner's name from the dossier when it prints a notice, and the inbox's subjects. */
  INTAKE_URL: z.url().default('http://127.0.0.1:3001'),
});

interface DossierPeople {
  readonly access?: string;
  readonly petitioner?: { readonly name?: unknown };
  readonly representatives?: ReadonlyArray<{ readonly name?: unknown }>;
}

const TIMEOUT_MS = 3000;

/**
 * The addressee of a notice (信访人), read at print time from intake's dossier (`GET /petitions/:caseId/dossier`) with
 * the reader's own token: intake applies visibility and accusation confidentiality, and routing stores no personal
 * data. A reader intake shows no petitioner to (facts only), or intake not answering, gets a blank line to fill in.
 */
@Injectable()
export class IntakeDossierClient {
  private readonly logger = new Logger(IntakeDossierClient.name);
  private readonly intakeUrl = loadServiceEnv(schema).INTAKE_URL.replace(/\/$/, '');

  /** The subjects (事由) of listed cases the reader may read in full (libs/platform `readCaseSubjects`): the inbox's. */
  subjects(caseIds: readonly string[], token: string): Promise<ReadonlyMap<string, string>> {
    return readCaseSubjects(this.intakeUrl, caseIds, token);
  }

  async addressee(caseId: string, token: string): Promise<string> {
    try {
      const res = await fetch(`${this.intakeUrl}/petitions/${caseId}/dossier`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (res.status !== 200) {
        this.logger.warn(`dossier of case ${caseId}: intake answered ${res.status}`);
        return '';
      }
      return addresseeOf((await res.json()) as DossierPeople);
    } catch (error) {
      this.logger.warn(`dossier of case ${caseId}: intake unreachable (${error instanceof Error ? error.name : 'error'})`);
      return '';
    }
  }
}

/** The petitioner and the representatives of a collective petition, as intake shows them (names only). */
export function addresseeOf(dossier: DossierPeople): string {
  const names = [dossier.petitioner?.name, ...(dossier.representatives ?? []).map((r) => r.name)];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.length > 0))].join('、');
}
