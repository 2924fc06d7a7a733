import { stageSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { CaseDocument } from './document-html';
import { DocumentKinds } from './document-kinds';

/** One numbered document of a case (转送单、交办单、告知书、意见书…), as the documents endpoints answer it. */
export const caseDocumentSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(DocumentKinds).describe('文书种类 / document kind'),
  stage: stageSchema.describe('办理阶段 / stage it belongs to'),
  number: z.string().describe('文号 / document number'),
  unitId: z.string().describe('出具单位 / issuing unit'),
  issuedAt: z.string().describe('ISO 8601 instant'),
  body: z.record(z.string(), z.unknown()).describe('文书内容（按种类） / the document’s fields, by kind'),
});

/** GET /cases/{caseId}/documents. */
export const caseDocumentListSchema = z.array(caseDocumentSchema);

/** Compile-time guard: the service's type and the documented schema stay one. */
export type CaseDocumentsDocumented = AssertTrue<ResponseMatches<CaseDocument[], typeof caseDocumentListSchema>>;
