#!/usr/bin/env node
// Copies the messages of a dead-letter topic back to their original topic, with their original
// key and headers (without the dlq_* ones the consumer added), then stops at the end of the topic.
// Consumers' inboxes ignore events they already handled, so a replay can be repeated safely.
//
//   KAFKA_BROKERS=host:9092 node deploy/scripts/replay-dlq.js <topic>.dlq [--only-group capaian-<svc>] [--dry-run]
//
// Runs wherever kafkajs resolves: from a checkout, or inside a service image that has it
// (docs/deploy.md, "Replay a dead-letter topic": `node -e "$(cat deploy/scripts/replay-dlq.js)" …`).
'use strict';
const { Kafka, Partitioners, logLevel } = require('kafkajs');

// With `node -e` the arguments start at argv[1]; with a file, at argv[2].
const args = process.argv.slice(require.main ? 2 : 1);
const dlq = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--only-group');
const onlyGroup = args.includes('--only-group') ? args[args.indexOf('--only-group') + 1] : undefined;
const dryRun = args.includes('--dry-run');
if (!dlq || !dlq.endsWith('.dlq')) {
  console.error('usage: replay-dlq.js <topic>.dlq [--only-group <consumer group>] [--dry-run]');
  process.exit(2);
}

const text = (value) => (value === undefined || value === null ? undefined : Buffer.isBuffer(value) ? value.toString('utf8') : String(value));

async function main() {
  const kafka = new Kafka({ clientId: `capaian-dlq-replay-${process.pid}`, brokers: (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(','), logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  // Where the topic ends now: messages dead-lettered during the replay wait for the next one.
  const ends = new Map((await admin.fetchTopicOffsets(dlq)).map((p) => [p.partition, BigInt(p.high)]));
  await admin.disconnect();
  const pending = new Set([...ends].filter(([, high]) => high > 0n).map(([partition]) => partition));
  if (pending.size === 0) {
    console.log(`replay: ${dlq} is empty`);
    return;
  }
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  const groupId = `capaian-dlq-replay-${process.pid}-${Date.now()}`;
  const consumer = kafka.consumer({ groupId });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic: dlq, fromBeginning: true });
  let copied = 0;
  let skipped = 0;
  await new Promise((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          if (!pending.has(partition)) return;
          const headers = message.headers || {};
          const original = text(headers.dlq_original_topic);
          if (!original || (onlyGroup && text(headers.dlq_consumer_group) !== onlyGroup)) skipped++;
          else {
            const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('dlq_')));
            if (!dryRun) await producer.send({ topic: original, acks: -1, messages: [{ key: message.key, value: message.value, headers: kept }] });
            copied++;
          }
          if (BigInt(message.offset) + 1n >= ends.get(partition)) {
            pending.delete(partition);
            if (pending.size === 0) resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  await producer.disconnect();
  // The throw-away group has nothing worth keeping.
  const cleanup = kafka.admin();
  await cleanup.connect();
  await cleanup.deleteGroups([groupId]).catch(() => undefined);
  await cleanup.disconnect();
  console.log(`replay: ${copied} message(s) ${dryRun ? 'would be ' : ''}copied from ${dlq}, ${skipped} skipped`);
}

main().catch((e) => {
  console.error(`replay: FAILED ${e.message}`);
  process.exit(1);
});
