import { pathToFileURL } from 'node:url';

/**
 * Starts the peer gateway `@portkey-ai/gateway` with the platform's own `Response` class put
 * back once it is loaded: `portkey-with-native-response.js <start-server.js> --port=N`.
 * Its Node server replaces the global `Response` with a lighter one, which hands out the
 * upstream's read-only headers, and its streaming path then fails when it adds its own.
 * This is not the peer as shipped; the bench reports both.
 */
const nativeResponse = globalThis.Response;
const [startServer] = process.argv.splice(2, 1);
if (startServer === undefined) throw new Error('usage: portkey-with-native-response.js <path of @portkey-ai/gateway/build/start-server.js> --port=N');
await import(pathToFileURL(startServer).href);
globalThis.Response = nativeResponse;
