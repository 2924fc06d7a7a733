import { reasonSchema } from '@sunshine/contracts';
import { z } from 'zod';

/** The masked fields of the dossier one may ask to see in full, one at a time. */
export const REVEALABLE_FIELDS = ['petitioner.phone', 'petitioner.address', 'petitioner.idNumber'] as const;
const REPRESENTATIVE_PHONE = /^representatives\.([0-4])\.phone$/;

/** 查看完整信息: one masked field of the dossier, and why (a code and a short staff-written text), for the access log. */
export const revealFieldSchema = z.object({
  field: z.union([
    z.enum(REVEALABLE_FIELDS),
    z
      .string()
      .regex(REPRESENTATIVE_PHONE, '可查看 petitioner.phone / petitioner.address / petitioner.idNumber / representatives.<0-4>.phone'),
  ]),
  reason: reasonSchema,
});
export type RevealFieldDto = z.infer<typeof revealFieldSchema>;

/** The representative's index for `representatives.<n>.phone`, else null. */
export function representativeIndex(field: string): number | null {
  const m = REPRESENTATIVE_PHONE.exec(field);
  return m ? Number(m[1]) : null;
}
