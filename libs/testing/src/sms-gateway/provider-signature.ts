import { createHmac } from 'node:crypto';

/**
 * The provider's side of the RPC signature (SignatureVersion 1.0), written from the SMS documentation's recipe and
 * kept apart from the adapter's signer on purpose: the gateway is the test oracle, so an error in one is not copied
 * into the other (both reproduce the documented example). The recipe: URL-encode as a form does, then `+` → `%20`,
 * `*` → `%2A`, `%7E` → `~`; sort the encoded pairs; sign `METHOD&%2F&<encoded query>` with `secret&`.
 */
function popEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
}

export function providerStringToSign(method: string, params: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(params)
    .filter(([name]) => name !== 'Signature')
    .map(([name, value]) => [popEncode(name), popEncode(value)] as const)
    .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return [method.toUpperCase(), popEncode('/'), popEncode(pairs.map(([n, v]) => `${n}=${v}`).join('&'))].join('&');
}

export function providerSignature(method: string, params: Readonly<Record<string, string>>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(providerStringToSign(method, params), 'utf8').digest('base64');
}

/** Billed parts as the provider counts them (短信发送规则): ≤ 70 characters one, else ⌈length / 67⌉. */
export function providerSmsSize(textWithSignature: string): number {
  const length = [...textWithSignature].length;
  return length <= 70 ? 1 : Math.ceil(length / 67);
}
