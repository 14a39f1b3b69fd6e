import { describe, expect, it } from 'vitest';
import { MarsadError } from '../doc/diagnostics.js';
import { assertHostAllowed, classifyAddress, guardedLookup, isRefusedAddress, parseIp } from './ssrf.js';

// Classification only: nothing here connects anywhere.
describe('address classification', () => {
  const refused = [
    '127.0.0.1', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0',
    '224.0.0.1', '::1', '::', 'fc00::1', 'fd12::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
    '2130706433', '0177.0.0.1', '0x7f.0.0.1', '127.1',
    // and a few more forms that reach the same places
    '[::1]', '100.64.0.1', '255.255.255.255', 'ff02::1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '2002:7f00:1::1',
    '::127.0.0.1', 'fe80::1%eth0',
  ];
  it.each(refused)('refuses %s', (ip) => {
    expect(isRefusedAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '2001:4860:4860::8888', '1.1.1.1', '::ffff:8.8.8.8'])('allows %s', (ip) => {
    expect(isRefusedAddress(ip)).toBe(false);
  });

  it('reads odd IPv4 spellings as the address a URL would reach', () => {
    for (const s of ['2130706433', '0177.0.0.1', '0x7f.0.0.1', '127.1', '0x7f000001']) {
      expect(parseIp(s)?.toString()).toBe('127.0.0.1');
      expect(new URL(`http://${s}/`).hostname).toBe('127.0.0.1');
    }
  });

  it('names the range an IPv4-mapped address reaches', () => {
    expect(classifyAddress('::ffff:10.0.0.1')).toMatchObject({ family: 6, range: 'private', refused: true });
    expect(classifyAddress('169.254.169.254')).toMatchObject({ family: 4, range: 'linkLocal', refused: true });
  });

  it('refuses what is not an address', () => {
    expect(classifyAddress('news.example')).toBeNull();
    expect(isRefusedAddress('news.example')).toBe(true);
    expect(isRefusedAddress('')).toBe(true);
  });
});

describe('URL host check', () => {
  it('refuses private literals in any spelling', () => {
    for (const u of ['http://2130706433/', 'http://0177.0.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://169.254.169.254/latest/meta-data/', 'http://[fd00::1]:8080/']) {
      expect(() => assertHostAllowed(new URL(u)), u).toThrowError(MarsadError);
    }
  });

  it('lets names through (they are judged after resolution) and honours the exemptions', () => {
    expect(() => assertHostAllowed(new URL('https://news.example/a'))).not.toThrow();
    expect(() => assertHostAllowed(new URL('http://127.0.0.1/'), { allowPrivate: true })).not.toThrow();
    expect(() => assertHostAllowed(new URL('http://127.0.0.1/'), { allowHosts: ['127.0.0.1'] })).not.toThrow();
    expect(() => assertHostAllowed(new URL('http://10.0.0.1/'), { allowHosts: ['127.0.0.1'] })).toThrow(/address refused/);
  });
});

describe('guarded lookup', () => {
  const lookup = (host: string, opts: Parameters<typeof guardedLookup>[0], all: boolean) =>
    new Promise<{ err: Error | null; address: unknown }>((resolve) =>
      guardedLookup(opts)(host, { all }, (err, address) => resolve({ err, address })),
    );

  it('refuses a name that resolves to loopback', async () => {
    const r = await lookup('localhost', {}, true);
    expect(r.err).toBeInstanceOf(MarsadError);
    expect((r.err as MarsadError).code).toBe('FETCH_REFUSED_ADDRESS');
  });

  it('passes resolutions through when private addresses are allowed, in both callback shapes', async () => {
    const all = await lookup('localhost', { allowPrivate: true }, true);
    expect(all.err).toBeNull();
    expect(Array.isArray(all.address)).toBe(true);
    const one = await lookup('localhost', { allowHosts: ['localhost'] }, false);
    expect(one.err).toBeNull();
    expect(typeof one.address).toBe('string');
  });
});
