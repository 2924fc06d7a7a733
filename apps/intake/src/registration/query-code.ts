import { createHmac, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: codes are read out over the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A fresh 8-character query code (查询码) for the petitioner; only its keyed hash is stored. */
export function newQueryCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export function hashQueryCode(key: Buffer, caseNumber: string, code: string): string {
  return createHmac('sha256', key).update(`query-code|${caseNumber}|${code.trim().toUpperCase()}`).digest('base64url');
}
