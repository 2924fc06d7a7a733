import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { PersonalDataCopy } from './personal-data-copy.service';

/** POST /public/cases/personal-data: the petitioner's copy of their personal data for the case (PIPL Art 45). */
export const personalDataCopySchema = z.object({
  caseNumber: z.string(),
  registeredAt: z.string(),
  petitioner: z
    .object({ name: z.string(), idNumber: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable() })
    .describe('登记时的信访人信息（身份证号部分隐藏，全文请到窗口查阅） / the details registered with the case, the ID number masked'),
  subject: z.string().nullable(),
  content: z.string().nullable(),
  attachments: z.array(z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })),
  messages: z
    .array(z.object({ channel: z.string(), template: z.string(), recipient: z.string(), status: z.string(), sentAt: z.string() }))
    .describe('已向信访人发送的消息 / the messages sent to the petitioner'),
});

export type PersonalDataCopyDocumented = AssertTrue<ResponseMatches<PersonalDataCopy, typeof personalDataCopySchema>>;
