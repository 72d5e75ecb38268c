import type { ConsumeOptions, ConsumeOutcome, ConsumedMessage, EventHandler } from './event-inbox.service';

/**
 * Marks a Kafka message that the batching consumer (kafka.consumer.ts) dispatched as part of a
 * batch. The consumer puts the slot on the message it hands to Nest; EventInbox.consume finds it
 * there and, instead of opening a transaction of its own, registers its handler with the slot and
 * waits: the batch then runs every registered handler in one transaction (EventInbox.runBatch).
 */
export const BATCH_SLOT: unique symbol = Symbol('capaian.messaging.batch-slot');

/** One `consume` call waiting for its batch. */
export interface BatchItem {
  message: ConsumedMessage;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each item has its own payload type
  handler: EventHandler<any>;
  options: ConsumeOptions;
  resolve(outcome: ConsumeOutcome): void;
  reject(error: unknown): void;
}

/**
 * The `consume` calls of one Kafka message. `expected` is the number of Nest handlers bound to the
 * message's topic (each calls consume once): the batch runs once every slot has them all, or its
 * handlers have returned without (a handler that ignores the message). A consume call that arrives
 * after the batch ran (a handler awaiting something else first, or calling consume twice) finds
 * the slot closed and runs on its own, as without batching.
 */
export class BatchSlot {
  readonly items: BatchItem[] = [];
  open = true;
  private settled = false;

  constructor(
    private readonly expected: number,
    private readonly changed: () => void,
  ) {}

  add(item: BatchItem): void {
    this.items.push(item);
    this.changed();
  }

  /** The message's Nest handlers returned (or threw). */
  settle(): void {
    this.settled = true;
    this.changed();
  }

  get ready(): boolean {
    return this.settled || this.items.length >= this.expected;
  }
}

/** The slots of one batch; resolves whenReady once every slot has its consume calls. */
export class BatchGroup {
  readonly slots: BatchSlot[] = [];
  private waiter: (() => void) | null = null;

  slot(expected: number): BatchSlot {
    const slot = new BatchSlot(expected, () => this.check());
    this.slots.push(slot);
    return slot;
  }

  whenReady(): Promise<void> {
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.check();
    });
  }

  private check(): void {
    if (this.waiter && this.slots.every((s) => s.ready)) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter();
    }
  }
}

export function batchSlotOf(message: unknown): BatchSlot | undefined {
  const slot = message && typeof message === 'object' ? (message as { [BATCH_SLOT]?: unknown })[BATCH_SLOT] : undefined;
  return slot instanceof BatchSlot ? slot : undefined;
}
