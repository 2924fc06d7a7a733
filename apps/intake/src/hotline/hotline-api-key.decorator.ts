import { headerParam, type HeaderRequest } from '@sunshine/platform';

export const HOTLINE_API_KEY_HEADER = 'X-Api-Key';

/** The hotline system's key (`X-Api-Key`), or null without one (the service answers 401 either way). */
export const HotlineApiKey = headerParam(
  'HotlineApiKey',
  (request: HeaderRequest): string | null => {
    const value = request.headers['x-api-key'];
    return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null;
  },
  {
    name: HOTLINE_API_KEY_HEADER,
    required: true,
    description: '热线系统密钥（运维登记时下发一次） / the hotline system’s api key (answered once when ops registered it)',
  },
);
