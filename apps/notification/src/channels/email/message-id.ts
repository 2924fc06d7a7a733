/** The domain of a From address (`阳光信访 <noreply@xfj.example.gov.cn>` → `xfj.example.gov.cn`). */
export function fromDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address
    .slice(address.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
  if (!address.includes('@') || !/^[a-z0-9.-]+$/.test(domain)) throw new Error(`MAIL_FROM has no usable domain: ${from}`);
  return domain;
}

/**
 * The Message-ID of a delivery: its id at the sender's domain, the same on every attempt, so a resend after a crash is
 * recognisable as the same message (by the receiving server, which may drop it, and by whoever reads the log).
 */
export function deliveryMessageId(deliveryId: string, from: string): string {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(deliveryId)) throw new Error('a delivery id is letters, digits, . _ - (at most 128)');
  return `<${deliveryId}@${fromDomain(from)}>`;
}
