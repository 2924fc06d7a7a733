/** One text message holds 70 characters; a longer one is sent as parts of 67 (the rest carries the joining header). */
export const SINGLE_SMS_CHARS = 70;
export const LONG_SMS_PART_CHARS = 67;

/**
 * The number of billed parts (短信条数) of a text as the handset receives it: the signature 【SignName】 and the
 * rendered text together, every character (Chinese, Latin, digit, punctuation, space) counting one, as the provider's
 * sending rules count them.
 */
export function smsSegments(signName: string, text: string): number {
  const length = [...`【${signName}】${text}`].length;
  return length <= SINGLE_SMS_CHARS ? 1 : Math.ceil(length / LONG_SMS_PART_CHARS);
}
