import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { ConfigurationError, type PlatformConfig } from '../config/platform-config';
import { AuthGuard } from './auth.guard';
import { JwtVerifier } from './jwt-verifier';
import { signingKeyProblem } from './service-keys';
import { ServiceTokenProvider } from './service-token.provider';

/**
 * Registers the JWT verifier and makes the AuthGuard global: endpoints need a staff token unless @Public(), and the
 * roles of their @Roles(). A service whose SERVICE_SIGNING_KEY_FILE is the staff key (or not its own listed key) does
 * not start.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        {
          provide: JwtVerifier,
          useFactory: () => {
            const problem = signingKeyProblem(config.service, config.auth);
            if (problem) throw new ConfigurationError([problem]);
            return JwtVerifier.create(config.auth);
          },
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        ServiceTokenProvider,
      ],
      exports: [JwtVerifier, ServiceTokenProvider],
    };
  }
}
