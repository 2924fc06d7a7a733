import { createHmac } from 'node:crypto';

/**
 * Alibaba Cloud's RPC request signature (阿里云 RPC 签名机制, SignatureVersion 1.0), as the SMS documentation (dysmsapi
 * 签名机制) describes it, used by the SMS adapter to sign and by the local gateway (tools/sms-gateway) to verify:
 *   1. every parameter but `Signature`, sorted by name (byte order);
 *   2. name and value percent-encoded (RFC 3986: `A–Z a–z 0–9 - _ . ~` kept, everything else `%XY` of its UTF-8 bytes,
 *      a space `%20`, never `+`), joined `name=value` with `&` → the canonicalized query string;
 *   3. StringToSign = `<HTTP method>&%2F&` + percentEncode(canonicalized query string);
 *   4. Signature = Base64(HMAC-SHA1(key = AccessKeySecret + "&", StringToSign)).
 */
export function percentEncode(value: string): string {
  // encodeURIComponent keeps ! ' ( ) * as they are: RFC 3986 (and the provider) encode them.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Step 1–2: the canonicalized query string of the parameters (`Signature` left out). */
export function canonicalizedQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

/** Step 3: the string the HMAC is computed over. */
export function stringToSign(method: 'GET' | 'POST', params: Readonly<Record<string, string>>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;
}

/** Step 4: the `Signature` parameter's value (before it is itself percent-encoded into the request). */
export function rpcSignature(method: 'GET' | 'POST', params: Readonly<Record<string, string>>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}
