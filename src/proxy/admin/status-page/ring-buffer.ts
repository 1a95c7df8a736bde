/** The last `capacity` items pushed, oldest first: bounded memory whatever the traffic. */
export class RingBuffer<T> {
  private readonly slots: T[] = [];
  private next = 0;

  public constructor(public readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`RingBuffer capacity: expected a positive integer, received ${capacity}`);
  }

  public push(item: T): void {
    if (this.slots.length < this.capacity) {
      this.slots.push(item);
    } else {
      this.slots[this.next] = item;
    }
    this.next = (this.next + 1) % this.capacity;
  }

  /** The items, oldest first. */
  public items(): T[] {
    return this.slots.length < this.capacity ? [...this.slots] : [...this.slots.slice(this.next), ...this.slots.slice(0, this.next)];
  }

  public get size(): number {
    return this.slots.length;
  }
}
