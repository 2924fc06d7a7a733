import { readFileSync } from 'node:fs';

import { Inject, Injectable } from '@nestjs/common';

import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import { issueStaffToken } from './token-issuer';

const LIFETIME_S = 300;

/**
 * Short-lived tokens a service presents when it calls another service on its own behalf (role `service`, unit
 * `service:<name>`). Callees still apply their own rules to what such a caller may read.
 */
@Injectable()
export class ServiceTokenProvider {
  private cached?: { token: string; expiresAt: number };

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {}

  async token(): Promise<string> {
    const now = Date.now();
    if (this.cached && this.cached.expiresAt - now > 60_000) return this.cached.token;
    const file = this.config.auth.serviceSigningKeyFile;
    if (!file) throw new Error('SERVICE_SIGNING_KEY_FILE is not configured: this service cannot call others');
    const token = await issueStaffToken(
      { sub: `service:${this.config.service}`, unit: `service:${this.config.service}`, division: '000000000000', roles: ['service'] },
      {
        privateKeyPem: readFileSync(file, 'utf8'),
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        expiresIn: LIFETIME_S,
      },
    );
    this.cached = { token, expiresAt: now + LIFETIME_S * 1000 };
    return token;
  }
}
