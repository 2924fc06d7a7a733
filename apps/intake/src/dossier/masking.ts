import { maskIdentifier } from '@sunshine/platform';

/** A phone shown in the dossier: the first 3 and last 4 digits (revealed in full only on a recorded request). */
export function maskPhone(phone: string | null): string | null {
  return phone === null ? null : maskIdentifier(phone);
}

/**
 * An address shown in the dossier: its first part (at most 6 characters, at most half of it: county and township,
 * say) and asterisks, so staff see roughly where without the house (revealed in full only on a recorded request).
 */
export function maskAddress(address: string | null): string | null {
  if (address === null) return null;
  const chars = [...address];
  const kept = Math.min(6, Math.floor(chars.length / 2));
  return `${chars.slice(0, kept).join('')}${'*'.repeat(Math.max(2, Math.min(6, chars.length - kept)))}`;
}
