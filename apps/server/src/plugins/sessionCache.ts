/** How long a resolved session answers from memory: a change made by another process shows within this. */
export const SESSION_CACHE_MS = 2000;

/** Entries kept before the cache starts over (one per signed-in browser; far above any office's count). */
const MAX_ENTRIES = 10_000;

/**
 * Resolved sessions by token, kept for a moment so a page of reads does not look its session up on
 * every request (one round trip of a list request's two). Correctness rests on `clear()`: the
 * session plugin calls it around every write request of this process (logout, password change,
 * role change, an org move that rewrites a role's path …), and a look-up that was under way while
 * a clear happened is not stored, so nothing read before a write outlives it. Changes made outside
 * this process (the CLI on a shared PostgreSQL) show after at most `ttlMs`.
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs = SESSION_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value of `token`, or what `load` answers (cached unless null or a clear intervened). */
  async get(token: string, load: () => Promise<T | null>): Promise<T | null> {
    const hit = this.entries.get(token);
    if (hit && hit.until > this.now()) return hit.value;
    if (hit) this.entries.delete(token);
    const generation = this.generation;
    const value = await load();
    if (value !== null && generation === this.generation && this.ttlMs > 0) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(token, { value, until: this.now() + this.ttlMs });
    }
    return value;
  }

  /** Forgets every session, and any look-up still under way. */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
