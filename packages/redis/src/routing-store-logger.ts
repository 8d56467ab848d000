/** Where a store writes its one line per change of connection state. */
export interface RoutingStoreLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Writes to the console (stderr for warnings). */
export const consoleLogger: RoutingStoreLogger = {
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
};
