import { reasonSchema } from '@sunshine/contracts';
import { z } from 'zod';

import { caseKeySchema } from '../self-service/citizen.dto';

/** 身份核验（一）: the case an online submitter holds (case number + query code); a code goes to the phone on file. */
export const identityCodeRequestSchema = caseKeySchema;
export type IdentityCodeRequestDto = z.infer<typeof identityCodeRequestSchema>;

/** 身份核验（二）: the one-time code that reached the phone on file. */
export const identityCodeConfirmSchema = caseKeySchema.extend({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码为6位数字 / the code has 6 digits'),
});
export type IdentityCodeConfirmDto = z.infer<typeof identityCodeConfirmSchema>;

/** 工作人员核验身份: staff saw the person's identity document; why, as a code and a short staff-written text. */
export const staffIdentityConfirmationSchema = z.object({ reason: reasonSchema });
export type StaffIdentityConfirmationDto = z.infer<typeof staffIdentityConfirmationSchema>;
