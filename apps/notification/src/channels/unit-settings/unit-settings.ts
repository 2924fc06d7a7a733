import { AesGcmFieldCipher, parseKeyRing } from '@sunshine/platform';

import type { ChannelsConfig } from '../channels-config';

/** DI token of the FieldCipher that seals units' webhook URLs and secrets (notification's own key ring). */
export const WEBHOOK_CIPHER = Symbol('WEBHOOK_CIPHER');

export function webhookCipher(config: ChannelsConfig): AesGcmFieldCipher {
  return new AesGcmFieldCipher(parseKeyRing(config.secretKeys.spec, config.secretKeys.current));
}
