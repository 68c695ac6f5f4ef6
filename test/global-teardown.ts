import type { TestServer } from '../src/testing/server';

/** Stops a server the setup started for the suite (a server from the environment is left alone). */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __ormdiffTestServer?: TestServer }).__ormdiffTestServer?.stop();
}
