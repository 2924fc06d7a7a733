import { type DynamicModule, Global, Module } from '@nestjs/common';
import { createBlindIndexer, createFieldCipher, parseKeyRing, PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';

import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';

export const FIELD_CIPHER = Symbol('FIELD_CIPHER');
export const BLIND_INDEXER = Symbol('BLIND_INDEXER');

/**
 * Personal-data encryption behind FieldCipher and the blind index, keyed from intake's config, by the platform's crypto
 * profile (CRYPTO_PROFILE): AES-256-GCM and HMAC-SHA-256, or 国密 SM4-CTR + HMAC-SM3 and HMAC-SM3 (`gm`). Either opens
 * the other's sealed values; `npm run reseal` moves them to the current key and format.
 */
@Global()
@Module({})
export class CryptoModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: CryptoModule,
      providers: [
        { provide: INTAKE_CONFIG, useValue: config },
        {
          provide: FIELD_CIPHER,
          inject: [PLATFORM_CONFIG],
          useFactory: (platform: PlatformConfig) =>
            createFieldCipher(platform.crypto.profile, parseKeyRing(config.piiKeys, config.piiCurrentKey)),
        },
        {
          provide: BLIND_INDEXER,
          inject: [PLATFORM_CONFIG],
          useFactory: (platform: PlatformConfig) => createBlindIndexer(platform.crypto.profile, config.blindIndexKey),
        },
      ],
      exports: [INTAKE_CONFIG, FIELD_CIPHER, BLIND_INDEXER],
    };
  }
}
