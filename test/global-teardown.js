/**
 * Stops a server the setup started for the suite (a server from the environment is left alone).
 * Plain JavaScript on purpose: a test running in-band may leave the runner's `.ts` require hook
 * installed in this process, and a TypeScript teardown would then be compiled by it.
 */
module.exports = async function globalTeardown() {
  await globalThis.__ormdiffTestServer?.stop();
};
