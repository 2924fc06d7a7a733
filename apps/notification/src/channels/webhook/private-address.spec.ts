import { internalAddressOf } from './private-address';

describe('internalAddressOf', () => {
  it('names loopback, private, link-local and CGNAT addresses', async () => {
    for (const host of [
      '127.0.0.1',
      '10.20.30.40',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
    ]) {
      expect(await internalAddressOf(host)).toBe(host);
    }
  });

  it('names IPv6 loopback, unique-local, link-local and IPv4-mapped internal addresses, with or without brackets', async () => {
    expect(await internalAddressOf('[::1]')).toBe('::1');
    expect(await internalAddressOf('fd12:3456::1')).toBe('fd12:3456::1');
    expect(await internalAddressOf('[fe80::1]')).toBe('fe80::1');
    expect(await internalAddressOf('::ffff:10.0.0.1')).toBe('::ffff:10.0.0.1');
  });

  it('lets public addresses through', async () => {
    for (const host of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2400:3200::1', '::ffff:8.8.8.8'])
      expect(await internalAddressOf(host)).toBeNull();
  });

  it('resolves a name (localhost is loopback)', async () => {
    expect(await internalAddressOf('localhost')).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
