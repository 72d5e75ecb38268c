#!/usr/bin/env node
// Creates the project's Kafka topics (auto-create is off on the broker, on purpose).
// Source of truth: libs/contracts/src/topics.json, a JSON array of {"name": "...", "partitions": N}
// written by the contracts owner. For every topic T we also create T.dlq with 1 partition
// (docs/architecture.md §3.5: bounded retries, then <topic>.dlq).
// Idempotent: existing topics are left alone (a topic with fewer partitions than asked is grown,
// since partitions can only be added). A missing topics.json is a warning, not an error, so the
// broker can be started before the contracts exist.
// Usage: node infra/kafka/create-topics.js [path/to/topics.json]
//        env KAFKA_BROKERS (default 127.0.0.1:9092)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');

const repoRoot = path.resolve(__dirname, '..', '..');
const topicsFile = path.resolve(process.argv[2] || path.join(repoRoot, 'libs/contracts/src/topics.json'));
const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
// Kafka's own rule for topic names, checked here so a bad entry fails with a clear message.
const VALID_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

const configs = new Map();

function wantedTopics() {
  if (!fs.existsSync(topicsFile)) {
    console.warn(`topics: WARNING ${path.relative(repoRoot, topicsFile)} not found, no topics created`);
    return null;
  }
  const list = JSON.parse(fs.readFileSync(topicsFile, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${topicsFile}: expected a JSON array`);
  const wanted = new Map();
  configs.clear();
  for (const entry of list) {
    const name = entry && entry.name;
    const partitions = entry && entry.partitions === undefined ? 1 : entry && entry.partitions;
    if (typeof name !== 'string' || !VALID_NAME.test(name)) throw new Error(`${topicsFile}: bad topic name ${JSON.stringify(name)}`);
    if (!Number.isInteger(partitions) || partitions < 1) throw new Error(`${topicsFile}: bad partitions for ${name}`);
    wanted.set(name, Math.max(partitions, wanted.get(name) || 0));
    // Optional topic configs, e.g. {"cleanup.policy": "compact"} for a snapshot topic; applied when
    // the topic is created (an existing topic keeps its configs: change them with kafka-configs).
    if (entry.config !== undefined) {
      if (!entry.config || typeof entry.config !== 'object' || Object.values(entry.config).some((v) => typeof v !== 'string')) {
        throw new Error(`${topicsFile}: config of ${name} must be an object of strings`);
      }
      configs.set(name, entry.config);
    }
    // A DLQ needs no parallelism and keeps failed messages in one ordered place.
    if (!name.endsWith('.dlq') && !wanted.has(`${name}.dlq`)) wanted.set(`${name}.dlq`, 1);
  }
  return wanted;
}

async function main() {
  const wanted = wantedTopics();
  if (!wanted) return;
  const kafka = new Kafka({ clientId: 'capaian-infra-topics', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const toCreate = [...wanted].filter(([name]) => !existing.has(name));
    if (toCreate.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: toCreate.map(([topic, numPartitions]) => ({
          topic,
          numPartitions,
          replicationFactor: 1,
          configEntries: Object.entries(configs.get(topic) || {}).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    // Grow existing topics that have fewer partitions than topics.json asks for.
    const present = [...wanted.keys()].filter((name) => existing.has(name));
    let grown = 0;
    if (present.length > 0) {
      const meta = await admin.fetchTopicMetadata({ topics: present });
      const growth = meta.topics
        .filter((t) => t.partitions.length < wanted.get(t.name))
        .map((t) => ({ topic: t.name, count: wanted.get(t.name) }));
      if (growth.length > 0) await admin.createPartitions({ topicPartitions: growth });
      grown = growth.length;
    }
    console.log(`topics: ${wanted.size} wanted, ${toCreate.length} created, ${grown} grown, ` +
      `${wanted.size - toCreate.length - grown} already present`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((err) => {
  console.error(`topics: FAILED ${err.message}`);
  process.exit(1);
});
