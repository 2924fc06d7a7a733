import { ZodPipe } from '@sunshine/platform';
import { z } from 'zod';

const uuid = z.uuid('应为UUID / must be a UUID');

/** Validates a path id: 400 in the one error shape (Nest's ParseUUIDPipe would answer in its own). */
export function uuidParam(): ZodPipe<typeof uuid> {
  return new ZodPipe(uuid);
}
