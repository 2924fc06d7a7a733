import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AesGcmFieldCipher, HmacBlindIndexer, parseKeyRing } from '@sunshine/platform';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';

export const FIELD_CIPHER = Symbol('FIELD_CIPHER');
export const BLIND_INDEXER = Symbol('BLIND_INDEXER');

/** Personal-data encryption (AES-256-GCM behind FieldCipher) and the blind index, keyed from intake's config. */
@Global()
@Module({})
export class CryptoModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: CryptoModule,
      providers: [
        { provide: INTAKE_CONFIG, useValue: config },
        { provide: FIELD_CIPHER, useValue: new AesGcmFieldCipher(parseKeyRing(config.piiKeys, config.piiCurrentKey)) },
        { provide: BLIND_INDEXER, useValue: new HmacBlindIndexer(config.blindIndexKey) },
      ],
      exports: [INTAKE_CONFIG, FIELD_CIPHER, BLIND_INDEXER],
    };
  }
}
