import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import type { PlatformConfig } from '../config/platform-config';
import { AuthGuard } from './auth.guard';
import { JwtVerifier } from './jwt-verifier';
import { ServiceTokenProvider } from './service-token.provider';

/**
 * Registers the JWT verifier and makes the AuthGuard global: endpoints need a staff token unless @Public(), and the
 * roles of their @Roles().
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: JwtVerifier, useFactory: () => JwtVerifier.create(config.auth) },
        { provide: APP_GUARD, useClass: AuthGuard },
        ServiceTokenProvider,
      ],
      exports: [JwtVerifier, ServiceTokenProvider],
    };
  }
}
