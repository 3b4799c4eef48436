/**
 * At most `limit` requests per client per minute, counted in fixed one-minute windows.
 * The window's map is dropped as a whole when the next one starts, so memory is bounded
 * by one minute of distinct clients. Client addresses are kept only here, in memory.
 */
export class RateLimiter {
  private counts = new Map<string, number>();
  private windowStart = 0;

  constructor(private readonly limit: number) {}

  /** Whether `client` may make one more request now; 0 if so, else the seconds until it may. */
  retryAfter(client: string, now: number): number {
    const window = Math.floor(now / 60_000) * 60_000;
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.counts = new Map();
    }
    const count = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, count);
    return count > this.limit ? Math.ceil((window + 60_000 - now) / 1000) : 0;
  }
}
