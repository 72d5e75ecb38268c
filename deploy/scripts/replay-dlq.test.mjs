// The dead-letter replay (replay-dlq.js) against the real Kafka that npm test starts: a dead letter
// of a consumer group of this run goes back to its original topic with its key and headers and
// without the dlq_* ones; dead letters of other groups stay where they are.
// Run: node --test deploy/scripts/*.test.mjs   (needs Kafka on KAFKA_BROKERS, default 127.0.0.1:9092)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';

const { Kafka, Partitioners, logLevel } = kafkajs;
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'replay-dlq.js');
const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
const TOPIC = 'platform.ping.v1';
const DLQ = `${TOPIC}.dlq`;

test('replays the dead letters of one consumer group to the original topic, without the dlq_ headers', async () => {
  const run = randomUUID();
  const group = `capaian-replay-test-${run}`;
  const kafka = new Kafka({ clientId: `replay-test-${process.pid}`, brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  // A valid ping event, so that other consumers of the topic (other tests) simply skip it.
  const value = JSON.stringify({
    specversion: '1.0',
    id: run,
    source: '/capaian/replay-test',
    type: 'capaian.platform.ping.v1',
    subject: `ping-${run}`,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    correlationid: `corr-${run}`,
    data: { message: `replay ${run}` },
  });
  await producer.send({
    topic: DLQ,
    messages: [
      {
        key: `ping-${run}`,
        value,
        headers: { ce_id: run, traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`, dlq_reason: 'handler-failed', dlq_original_topic: TOPIC, dlq_consumer_group: group },
      },
      // Another group's dead letter: must stay in the DLQ.
      { key: `other-${run}`, value, headers: { ce_id: `other-${run}`, dlq_original_topic: TOPIC, dlq_consumer_group: `${group}-other` } },
    ],
  });
  await producer.disconnect();

  // Read the original topic from its current end, then replay.
  const consumer = kafka.consumer({ groupId: `replay-test-reader-${run}` });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: false });
  const seen = [];
  let assigned;
  const ready = new Promise((resolve) => (assigned = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => assigned());
  const arrived = new Promise((resolve) => {
    consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString()]));
        if (headers.ce_id === run || headers.ce_id === `other-${run}`) seen.push({ key: message.key?.toString(), value: message.value?.toString(), headers });
        if (headers.ce_id === run) resolve();
      },
    });
  });
  await ready;

  const { stdout } = await promisify(execFile)(process.execPath, [script, DLQ, '--only-group', group], { env: { ...process.env, KAFKA_BROKERS: brokers.join(',') } });
  assert.match(stdout, /replay: 1 message\(s\) copied from platform\.ping\.v1\.dlq, \d+ skipped/);
  await arrived;
  await consumer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([`replay-test-reader-${run}`]).catch(() => undefined);
  await admin.disconnect();

  const replayed = seen.filter((m) => m.headers.ce_id === run);
  assert.equal(replayed.length, 1);
  assert.equal(replayed[0].key, `ping-${run}`);
  assert.equal(replayed[0].value, value);
  assert.equal(replayed[0].headers.traceparent, `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`);
  assert.deepEqual(Object.keys(replayed[0].headers).filter((name) => name.startsWith('dlq_')), []);
  assert.equal(seen.filter((m) => m.headers.ce_id === `other-${run}`).length, 0, "another group's dead letter is not replayed");
});
