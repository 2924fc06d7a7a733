import type { PlatformConfig } from '../config/platform-config';

/**
 * Test-only fail points (FAILPOINTS, refused in production by the config): `name` or `name:detail` kills the
 * process with SIGKILL at that exact moment, as a crash would.
 */
export function failpoint(config: PlatformConfig, name: string, detail?: string): void {
  if (config.failpoints.length === 0) return;
  if (config.failpoints.includes(name) || (detail !== undefined && config.failpoints.includes(`${name}:${detail}`))) {
    process.kill(process.pid, 'SIGKILL');
  }
}
