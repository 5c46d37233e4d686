export default async function globalTeardown() {
  await globalThis.__CERES_TEARDOWN__?.();
}
