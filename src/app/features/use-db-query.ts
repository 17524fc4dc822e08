// A live read of the register's database: runs the query, and again after every committed
// write (Dexie's storagemutated event, also raised for writes from other tabs). Answers of an
// older run are dropped, so a slow query never overwrites a newer one.
import Dexie from 'dexie';
import { useEffect, useState } from 'react';

export function useDbQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<{ v: T } | undefined>(undefined);
  useEffect(() => {
    let run = 0;
    let live = true;
    const refresh = () => {
      const mine = ++run;
      query().then(
        (v) => {
          if (live && mine === run) setValue({ v });
        },
        () => undefined,
      );
    };
    refresh();
    Dexie.on('storagemutated', refresh);
    return () => {
      live = false;
      Dexie.on('storagemutated').unsubscribe(refresh);
    };
    // The caller's deps decide when the query itself changes.
  }, deps);
  return value?.v;
}
