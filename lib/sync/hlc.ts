// A hybrid logical clock (Kulkarni et al., 2014): stamps that follow the wall clock, never go
// backwards, and order every write across devices (ties broken by the device id). A stamp is a
// string that sorts as it orders: 13 digits of milliseconds, a 4-digit base-36 counter, the device.

export type Stamp = string;

/** A device whose clock is further than this from the server's is told so. */
export const CLOCK_SKEW_WARN_MS = 5 * 60_000;

const WALL_DIGITS = 13;

function makeStamp(wall: number, count: number, device: string): Stamp {
  return `${String(Math.max(0, Math.floor(wall))).padStart(WALL_DIGITS, '0')}.${count.toString(36).padStart(4, '0')}.${device}`;
}

function parseStamp(stamp: Stamp): { wall: number; count: number; device: string } | null {
  const m = /^(\d{13})\.([0-9a-z]{4})\.([\w-]{1,64})$/.exec(stamp);
  return m ? { wall: Number(m[1]), count: parseInt(m[2]!, 36), device: m[3]! } : null;
}

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && parseStamp(value) !== null;
}

export class Hlc {
  private wall = 0;
  private count = 0;

  constructor(
    readonly device: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A stamp for a local write, later than every stamp this clock has made or heard. */
  next(): Stamp {
    const now = this.now();
    if (now > this.wall) {
      this.wall = now;
      this.count = 0;
    } else this.count++;
    return makeStamp(this.wall, this.count, this.device);
  }

  /** Hears a stamp from another device (its later writes must come after it). */
  receive(stamp: Stamp): void {
    const p = parseStamp(stamp);
    if (!p) return;
    if (p.wall > this.wall || (p.wall === this.wall && p.count > this.count)) {
      this.wall = p.wall;
      this.count = p.count;
    }
  }
}
