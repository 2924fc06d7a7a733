/** The tab's sessionStorage for the console's unit tests (they run in Node, which has none). */
export class TabStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  keys(): string[] {
    return [...this.items.keys()];
  }
  values(): string[] {
    return [...this.items.values()];
  }
  entries(): Array<[string, string]> {
    return [...this.items.entries()];
  }
}
