import { issueStaffToken, type StaffClaims, type StaffRole } from '@sunshine/platform';
import { DEMO_CITY, DEMO_COUNTY, DEMO_DONGTUN, DEMO_FENGZHUANG, DEMO_UNITS } from '@sunshine/testing';

/**
 * Where local tokens are signed and what the services started by `npm run up` trust (deploy/local/up.sh). The ttl is
 * the development maximum token lifetime (DEVELOPMENT_MAX_TOKEN_LIFETIME_S, 8 h); production allows 15 minutes.
 */
export const DEV_TOKEN_DEFAULTS = { keyFile: '.local/keys/private.pem', issuer: 'sunshine-dev', audience: 'sunshine', ttl: '8h' } as const;

/** A staff member of the demo city (新乡市 with 延津县 complete), as the development sign-in lists them. */
export interface DemoStaffMember {
  readonly id: string;
  /** 岗位, shown on the sign-in page. */
  readonly title: string;
  readonly claims: StaffClaims;
}

function member(id: string, title: string, unit: string, division: string, roles: StaffRole[]): DemoStaffMember {
  return { id, title, claims: { sub: `demo-${id}`, unit, division, roles } };
}

/** The demo city's staff: who a clerk, a dispatcher, a head and a handler of each kind of unit are. */
export const DEMO_STAFF: readonly DemoStaffMember[] = [
  member('city-bureau-clerk', '登记员', DEMO_UNITS.cityBureau, DEMO_CITY, ['clerk']),
  member('city-bureau-dispatcher', '分办员', DEMO_UNITS.cityBureau, DEMO_CITY, ['dispatcher']),
  member('city-bureau-supervisor', '督查员', DEMO_UNITS.cityBureau, DEMO_CITY, ['supervisor']),
  member('city-bureau-head', '局长', DEMO_UNITS.cityBureau, DEMO_CITY, ['head', 'leader']),
  member('county-bureau-clerk', '登记员', DEMO_UNITS.countyBureau, DEMO_COUNTY, ['clerk']),
  member('county-bureau-dispatcher', '分办员', DEMO_UNITS.countyBureau, DEMO_COUNTY, ['dispatcher']),
  member('county-bureau-head', '局长', DEMO_UNITS.countyBureau, DEMO_COUNTY, ['head']),
  member('county-bureau-handler', '经办人', DEMO_UNITS.countyBureau, DEMO_COUNTY, ['handler']),
  member('hrss-clerk', '收发员', DEMO_UNITS.hrss, DEMO_COUNTY, ['clerk']),
  member('hrss-head', '负责人', DEMO_UNITS.hrss, DEMO_COUNTY, ['head']),
  member('hrss-handler', '经办人', DEMO_UNITS.hrss, DEMO_COUNTY, ['handler']),
  member('dongtun-clerk', '收发员', DEMO_UNITS.dongtun, DEMO_DONGTUN, ['clerk']),
  member('dongtun-head', '负责人', DEMO_UNITS.dongtun, DEMO_DONGTUN, ['head']),
  member('dongtun-handler', '经办人', DEMO_UNITS.dongtun, DEMO_DONGTUN, ['handler']),
  member('fengzhuang-clerk', '收发员', DEMO_UNITS.fengzhuang, DEMO_FENGZHUANG, ['clerk']),
  member('fengzhuang-head', '负责人', DEMO_UNITS.fengzhuang, DEMO_FENGZHUANG, ['head']),
  member('fengzhuang-handler', '经办人', DEMO_UNITS.fengzhuang, DEMO_FENGZHUANG, ['handler']),
];

export interface DevSigningKey {
  readonly privateKeyPem: string;
  readonly issuer: string;
  readonly audience: string;
  readonly ttl?: string;
}

/** Signs a staff token with the local dev key: the one way both `npm run token` and the development sign-in issue one. */
export function signDevToken(claims: StaffClaims, key: DevSigningKey): Promise<string> {
  return issueStaffToken(claims, {
    privateKeyPem: key.privateKeyPem,
    issuer: key.issuer,
    audience: key.audience,
    expiresIn: key.ttl ?? DEV_TOKEN_DEFAULTS.ttl,
  });
}

/**
 * Registers the demo staff in routing's directory (PUT /org/users/{subject}, as a city-level admin signed with the same
 * key), so a head can name a demo handler. Idempotent; routing must be up with the demo directory seeded.
 */
export async function registerDemoStaff(routingUrl: string, key: DevSigningKey): Promise<number> {
  const admin = await signDevToken({ sub: 'demo-city-admin', unit: DEMO_UNITS.cityBureau, division: DEMO_CITY, roles: ['admin'] }, key);
  for (const s of DEMO_STAFF) {
    const res = await fetch(`${routingUrl}/org/users/${encodeURIComponent(s.claims.sub)}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ unitId: s.claims.unit, roles: s.claims.roles }),
    });
    if (!res.ok) throw new Error(`registering ${s.claims.sub}: HTTP ${res.status} ${await res.text()}`);
  }
  return DEMO_STAFF.length;
}
