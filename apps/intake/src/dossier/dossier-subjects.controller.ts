import { Header } from '@nestjs/common';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodQuery } from '@sunshine/platform';
import { z } from 'zod';

import { type CaseSubject, DossierSubjectsService } from './dossier-subjects.service';

export const MAX_SUBJECT_CASES = 100;

export const subjectsQuerySchema = z.object({
  /** Case ids, comma separated (at most 100). */
  caseIds: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.uuid()).min(1).max(MAX_SUBJECT_CASES)),
});
type SubjectsQuery = z.infer<typeof subjectsQuerySchema>;

@StaffController('petitions', 'dossier 卷宗')
export class DossierSubjectsController {
  constructor(private readonly subjects: DossierSubjectsService) {}

  @StaffRoute('GET', 'subjects', {
    summary:
      '多个事项的事由（仅限可查阅全文的事项） The subjects of several cases, for lists: only cases the caller may read in full (staff)',
  })
  @Header('cache-control', 'no-store')
  async list(@ZodQuery(subjectsQuerySchema) q: SubjectsQuery, @Staff() staff: StaffPrincipal): Promise<{ items: CaseSubject[] }> {
    return { items: await this.subjects.subjects(q.caseIds, staff) };
  }
}
