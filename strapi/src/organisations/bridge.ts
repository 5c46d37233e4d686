/**
 * What the app uses of the bridge at run time. The bridge's package entry exports only the Strapi plugin
 * object: its BridgeError class is reached through the package folder (one module instance, so that the
 * bridge's error middleware recognises it with instanceof).
 */
import path from 'node:path';
import type { BridgeError as BridgeErrorClass } from '@ceres/plugin-bridge';

const bridgeDir = path.dirname(require.resolve('@ceres/plugin-bridge/package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const BridgeError: typeof BridgeErrorClass = require(path.join(bridgeDir, 'dist', 'server', 'domain', 'errors')).BridgeError;
