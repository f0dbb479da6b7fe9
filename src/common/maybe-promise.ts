/** A value now, or one to wait for. */
export type MaybePromise<T> = T | Promise<T>;

/** Apply `f` to a value now or once it arrives, without a promise when there is nothing to wait for. */
export function mapMaybe<T, U>(value: MaybePromise<T>, f: (value: T) => U): MaybePromise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}
