import type {Warehouse} from "../warehouse.ts";

/** Per build, a report is made once and shared by every county and year of the seminar. */
export function memo<T>(make: (wh: Warehouse) => Promise<T>): (wh: Warehouse) => Promise<T> {
  const cache = new WeakMap<Warehouse, Promise<T>>();
  return (wh) => {
    if (!cache.has(wh)) cache.set(wh, make(wh));
    return cache.get(wh)!;
  };
}
