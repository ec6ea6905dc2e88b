export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The calendar year in Asia/Jakarta (UTC+7, no daylight saving). */
export const jakartaYear = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).getUTCFullYear();
