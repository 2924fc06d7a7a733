import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

import { DomainException } from '../errors/domain.exception';

/** Where in a request a string was found. */
export type TextLocation = 'body' | 'query' | 'params' | 'multipart';

/** A string no service stores: PostgreSQL refuses NUL in text and jsonb, and a lone surrogate in jsonb. */
export interface InvalidText {
  readonly in: TextLocation;
  /** Dotted path of the field (`petitioners.0.name`); `(root)` for a bare string. */
  readonly field: string;
  readonly reason: 'nul' | 'lone-surrogate';
}

// Code units, not code points (no `u` flag): a surrogate not paired with its partner, or a NUL.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string must be refused, or null if it is well-formed text without NUL. */
export function textDefect(value: string): InvalidText['reason'] | null {
  if (value.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'lone-surrogate';
  return null;
}

/**
 * The first string (value or object key) of `value` that is not clean text. Iterative, so a deeply nested JSON body
 * cannot overflow the stack; every string of a 2 MiB body is looked at once.
 */
export function findInvalidText(value: unknown, location: TextLocation): InvalidText | null {
  // The path is a chain of parents, built into a name only on a hit: a deep body costs no copying.
  const stack: PathNode[] = [{ value, key: null, parent: null }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (typeof top.value === 'string') {
      const reason = textDefect(top.value);
      if (reason) return { in: location, field: fieldName(top), reason };
      continue;
    }
    if (typeof top.value !== 'object' || top.value === null) continue;
    for (const [key, child] of Object.entries(top.value)) {
      const node: PathNode = { value: child, key, parent: top };
      const keyReason = textDefect(key);
      if (keyReason) return { in: location, field: fieldName(node), reason: keyReason };
      stack.push(node);
    }
  }
  return null;
}

interface PathNode {
  readonly value: unknown;
  readonly key: string | null;
  readonly parent: PathNode | null;
}

/** 400 INVALID_TEXT naming the field, in the one error body. */
export function invalidTextException(found: InvalidText): DomainException {
  const what =
    found.reason === 'nul'
      ? { zh: '空字符（NUL）', en: 'a NUL character' }
      : { zh: '不成对的 UTF-16 代理项', en: 'a lone UTF-16 surrogate' };
  return new DomainException(
    'INVALID_TEXT',
    'invalid',
    { zh: `字段 ${found.field}（${found.in}）含有不允许的字符：${what.zh}`, en: `field ${found.field} (${found.in}) contains ${what.en}` },
    { fields: [{ field: found.field, in: found.in, reason: found.reason }] },
  );
}

/** Throws 400 INVALID_TEXT if any string of `value` is not clean text (for input read outside the hook, e.g. multipart). */
export function assertCleanText(value: unknown, location: TextLocation): void {
  const found = findInvalidText(value, location);
  if (found) throw invalidTextException(found);
}

/**
 * Input hygiene for every route of a service, in one place: a Fastify `preValidation` hook (after the body is parsed,
 * before guards, pipes and handlers) walks every string of the body, the query and the path parameters and answers
 * 400 INVALID_TEXT for a NUL or a lone surrogate, which no database column or event should ever receive. A valid
 * surrogate pair (an emoji) is text like any other.
 */
export function registerTextHygieneHook(adapter: FastifyAdapter): void {
  adapter.getInstance().addHook('preValidation', async (request: FastifyRequest) => {
    for (const [location, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const found = findInvalidText(value, location);
      if (found) throw invalidTextException(found);
    }
  });
}

function fieldName(node: PathNode): string {
  const keys: string[] = [];
  for (let n: PathNode | null = node; n && n.key !== null; n = n.parent) keys.unshift(n.key);
  if (keys.length === 0) return '(root)';
  // A key may itself be the defect: show it without the character that made it one.
  return keys.map((k) => k.replaceAll('\u0000', '\\0').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD')).join('.');
}
