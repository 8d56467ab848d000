import { LuaScript } from '../lua-script.js';
import { enterScript } from './enter-script.js';
import { failScript } from './fail-script.js';
import { acquireLeaseScript, refreshLeasesScript, releaseLeaseScript } from './lease-scripts.js';
import { readStateScript } from './read-state-script.js';
import { releaseTrialScript } from './release-trial-script.js';
import { succeedScript } from './succeed-script.js';

/** Every Lua script of the store, with its SHA1 for EVALSHA. */
export const storeScripts = {
  enter: new LuaScript(enterScript),
  succeed: new LuaScript(succeedScript),
  fail: new LuaScript(failScript),
  releaseTrial: new LuaScript(releaseTrialScript),
  acquireLease: new LuaScript(acquireLeaseScript),
  refreshLeases: new LuaScript(refreshLeasesScript),
  releaseLease: new LuaScript(releaseLeaseScript),
  readState: new LuaScript(readStateScript),
};
