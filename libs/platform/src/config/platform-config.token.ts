/** DI token of the typed PlatformConfig object. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
