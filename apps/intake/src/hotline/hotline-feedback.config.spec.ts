import { ConfigurationError } from '@sunshine/platform';

import { loadHotlineFeedbackConfig } from './hotline-feedback.config';

describe('loadHotlineFeedbackConfig', () => {
  it('parks after 12 attempts and waits 5 s after the first refusal unless told otherwise', () => {
    expect(loadHotlineFeedbackConfig({})).toEqual({ maxAttempts: 12, retryBaseMs: 5000 });
  });

  it('reads both from the environment', () => {
    expect(loadHotlineFeedbackConfig({ HOTLINE_FEEDBACK_MAX_ATTEMPTS: '3', HOTLINE_FEEDBACK_RETRY_BASE_MS: '200' })).toEqual({
      maxAttempts: 3,
      retryBaseMs: 200,
    });
  });

  it('refuses no attempt at all, a fraction and a wait beyond an hour', () => {
    expect(() => loadHotlineFeedbackConfig({ HOTLINE_FEEDBACK_MAX_ATTEMPTS: '0' })).toThrow(ConfigurationError);
    expect(() => loadHotlineFeedbackConfig({ HOTLINE_FEEDBACK_MAX_ATTEMPTS: '2.5' })).toThrow(ConfigurationError);
    expect(() => loadHotlineFeedbackConfig({ HOTLINE_FEEDBACK_RETRY_BASE_MS: '3600001' })).toThrow(ConfigurationError);
  });
});
