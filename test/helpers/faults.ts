import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dropQueues } from './cluster.js';
import { services } from './services.js';
import { TcpProxy } from './tcp-proxy.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const script = join(root, 'scripts', 'services.sh');

/** Stops and restarts the services under a running pipeline. */
export interface ServiceFaults {
  /** The URLs the pipeline under test must use. */
  redisUrl: string;
  mongoUrl: string;
  /** Redis stops and comes back empty (no persistence) on the same address. */
  restartRedis(prefix: string): Promise<void>;
  stopMongo(): Promise<void>;
  startMongo(): Promise<void>;
  close(): Promise<void>;
}

const services$ = (cmd: string) => run('bash', [script, cmd], { env: { ...process.env, REDIS_URL: services().redisUrl, MONGO_URL: services().mongoUrl } });

/**
 * The servers scripts/services.sh started are stopped and restarted for real (same ports,
 * FerretDB's data kept on disk, Redis's lost). Servers given by REDIS_URL / MONGO_URL are
 * not ours to stop: the pipeline then reaches them through a TCP proxy that is cut, and a
 * Redis restart also drops this test's keys, which is what a restart without persistence
 * does to them.
 */
export async function serviceFaults(): Promise<ServiceFaults> {
  const { redisUrl, mongoUrl } = services();
  // Ours when the URL is the address the script gave its own server (its port files).
  const port = (name: string) =>
    readFile(join(root, '.services', `${name}.port`), 'utf8').then(
      (p) => p.trim(),
      () => '',
    );
  const managedRedis = redisUrl === `redis://127.0.0.1:${await port('redis')}`;
  const managedMongo = mongoUrl === `mongodb://127.0.0.1:${await port('mongo')}/`;
  const redisProxy = managedRedis ? null : new TcpProxy(hostPort(redisUrl, 6379));
  const mongoProxy = managedMongo ? null : new TcpProxy(hostPort(mongoUrl, 27017));
  const viaRedis = redisProxy ? withPort(redisUrl, await redisProxy.listen()) : redisUrl;
  const viaMongo = mongoProxy ? withPort(mongoUrl, await mongoProxy.listen()) : mongoUrl;
  return {
    redisUrl: viaRedis,
    mongoUrl: viaMongo,
    async restartRedis(prefix) {
      if (!redisProxy) {
        await services$('restart-redis');
        return;
      }
      await redisProxy.cut();
      await dropQueues(prefix);
      await redisProxy.restore();
    },
    async stopMongo() {
      if (mongoProxy) await mongoProxy.cut();
      else await services$('stop-mongo');
    },
    async startMongo() {
      if (mongoProxy) await mongoProxy.restore();
      else await services$('start-mongo');
    },
    async close() {
      await redisProxy?.cut();
      await mongoProxy?.cut();
    },
  };
}

function hostPort(url: string, defaultPort: number): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || defaultPort) };
}

function withPort(url: string, port: number): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString();
}
