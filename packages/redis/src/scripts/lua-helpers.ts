/**
 * Lua shared by the scripts. `int` formats a number for a Redis command without an
 * exponent (Lua would send 1.7e+12 for a large clock time); `reply` returns the circuit
 * as the store caches it.
 */
export const luaHelpers = `
local function int(value) return string.format('%d', value) end
local function reply(verdict, trial, state, failures, openUntil, override)
  return { verdict, trial, state, int(failures), int(openUntil), override or '' }
end
`;
