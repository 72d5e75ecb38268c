#!/usr/bin/env node
// Readiness probe used by infra/infra.sh after the broker logged "Kafka Server started":
// a real client round trip (kafkajs admin connect + listTopics), proving that the broker
// answers Metadata requests and that kafkajs 2.x can talk to this Kafka version.
// Usage: node infra/kafka/ready.js [broker]   (default 127.0.0.1:9092; env KAFKA_BROKERS also works)
'use strict';
const { Kafka, logLevel } = require('kafkajs');

const broker = process.argv[2] || process.env.KAFKA_BROKERS || '127.0.0.1:9092';

async function main() {
  const kafka = new Kafka({
    clientId: 'capaian-infra-ready',
    brokers: broker.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 5000,
    retry: { retries: 2, initialRetryTime: 200 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    console.log(`kafka ready: ${topics.length} topic(s)`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((err) => {
  console.error(`kafka not ready: ${err.message}`);
  process.exit(1);
});
