import type { StateStore } from 'oidc-client-ts';

/**
 * Where oidc-client-ts keeps the signed-in user (its tokens), until the session's end (sign-out, expiry, a refusal)
 * closes it for the rest of the page. A renewal by refresh token stores its user itself when the provider answers
 * (UserManager.signinSilent), so one that was on its way when the session ended would write the tokens back into the
 * tab: after `close()` nothing is written any more; reading and removing go on, so sign-out still finds the id token
 * for the provider and removes the user.
 */
export class ClosableUserStore implements StateStore {
  private open = true;

  constructor(private readonly inner: StateStore) {}

  get closed(): boolean {
    return !this.open;
  }

  close(): void {
    this.open = false;
  }

  async set(key: string, value: string): Promise<void> {
    if (this.open) await this.inner.set(key, value);
  }

  get(key: string): Promise<string | null> {
    return this.inner.get(key);
  }

  remove(key: string): Promise<string | null> {
    return this.inner.remove(key);
  }

  getAllKeys(): Promise<string[]> {
    return this.inner.getAllKeys();
  }
}
