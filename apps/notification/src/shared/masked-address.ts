import { maskIdentifier } from '@sunshine/platform';

/** A phone or e-mail as notification may keep or show it: 138****5678, z***@example.com. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address.slice(0, 1)}***${address.slice(at)}`;
  return maskIdentifier(address.replace(/\D/g, ''));
}
