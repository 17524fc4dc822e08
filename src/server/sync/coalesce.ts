// Calls that arrive while an equal one runs wait and go together in the next one: a store's
// registers pulling the same change at once cost a few statements, not one each. A call always
// starts after its caller arrived, so no one is answered from a read older than its request.
interface Waiter<I, O> {
  input: I;
  resolve(output: O): void;
  reject(error: unknown): void;
}

export class Coalescer<I, O> {
  /** Present while a call for the key runs: those waiting for the next one. */
  private readonly next = new Map<string, Waiter<I, O>[]>();

  /** `run` answers every input of one call, in order. */
  constructor(private readonly run: (key: string, inputs: I[]) => Promise<O[]>) {}

  call(key: string, input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const waiter = { input, resolve, reject };
      const queued = this.next.get(key);
      if (queued) queued.push(waiter);
      else this.start(key, [waiter]);
    });
  }

  private start(key: string, wave: Waiter<I, O>[]): void {
    this.next.set(key, []);
    const settled = this.run(
      key,
      wave.map((w) => w.input),
    ).then(
      (outputs) =>
        wave.forEach((w, i) => {
          const output = outputs[i];
          if (output === undefined) w.reject(new Error('a coalesced call gave no answer'));
          else w.resolve(output);
        }),
      (error: unknown) => wave.forEach((w) => w.reject(error)),
    );
    void settled.finally(() => {
      const waiting = this.next.get(key) ?? [];
      this.next.delete(key);
      if (waiting.length > 0) this.start(key, waiting);
    });
  }
}
