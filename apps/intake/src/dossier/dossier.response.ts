import { caseStatusSchema, petitionRegisteredV1, stageSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import { PetitionerIdentities } from '../core/petition.repository';
import type { DossierView } from './dossier.service';

const words = z.object({ zh: z.string(), en: z.string() });
const registered = petitionRegisteredV1.shape;

/** The registration's facts and where the case is now (every reader of the dossier sees them, even `facts-only`). */
export const dossierFactsSchema = z.object({
  channel: registered.channel,
  type: registered.type,
  category: z.string().describe('问题类别代码 / category code'),
  placeCode: z.string(),
  placeLabel: z.string().describe('问题发生地名称 / the place in words'),
  receivingUnitId: z.string(),
  receivedAt: z.string(),
  registeredAt: z.string(),
  form: registered.form,
  accusedUnitId: z.string().nullable(),
  flags: registered.flags.describe('登记标记（不含调用者无权知晓的关联事项） / flags, without links the reader may not know of'),
  status: caseStatusSchema.nullable(),
  stage: stageSchema,
  holdingUnitId: z.string().nullable(),
  asGiven: registered.asGiven.unwrap().optional().describe('目录或代码表未知的地点/类别原文 / place or category as given'),
  repeat: z.unknown().optional().describe('登记时发现的重复匹配（依据、相似度、理由） / the repeat match found at registration'),
});

/** GET /petitions/{caseId}/dossier: text, petitioner (masked) and attachments as the caller's unit may see them. */
export const dossierViewSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  access: z.enum(['facts-only', 'full']).describe('查阅范围 / what the caller may read'),
  reasons: z.array(z.string()).describe('依据 / why'),
  facts: dossierFactsSchema,
  subject: z.string().optional().describe('事由 / subject (full access)'),
  content: z.string().optional().describe('信访内容 / the text (full access)'),
  petitioner: z
    .object({
      name: z.string(),
      idNumber: z.string().nullable().describe('已遮蔽 / masked'),
      phone: z.string().nullable().describe('已遮蔽 / masked'),
      address: z.string().nullable().describe('已遮蔽 / masked'),
      identity: z.object({
        status: z.enum(['verified', 'unverified']),
        how: z.enum(PetitionerIdentities),
        note: words.optional(),
      }),
    })
    .optional(),
  representatives: z.array(z.object({ name: z.string(), phone: z.string().nullable() })).optional(),
  accusedPerson: z.string().nullable().optional(),
  attachments: z
    .array(z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() }))
    .optional(),
  withheld: words.optional().describe('为何不显示内容与人员（检举控告） / why the text and the people are withheld'),
});

/** Compile-time guard: the service's type and the documented schema stay one. */
export type DossierViewDocumented = AssertTrue<ResponseMatches<DossierView, typeof dossierViewSchema>>;
