import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

import { DomainException } from './domain.exception';

/** Validates a body or query against a zod schema: 400 naming each bad field and why, nothing stored. */
@Injectable()
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  /** The schema is public so the OpenAPI document can describe what the pipe accepts. */
  constructor(readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const fields = result.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', reason: i.message }));
    throw new DomainException(
      'VALIDATION_FAILED',
      'invalid',
      {
        zh: `请求数据不合法：${fields.map((f) => f.field).join('、')}`,
        en: `invalid request: ${fields.map((f) => `${f.field} (${f.reason})`).join('; ')}`,
      },
      { fields },
    );
  }
}
