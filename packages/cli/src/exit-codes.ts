/** Exit statuses of the `switchboard` command. */
export const exitCodes = {
  /** The command did what was asked. */
  success: 0,
  /** The command ran and failed: a provider error, a port in use, … */
  failure: 1,
  /** The command never ran: bad arguments or an invalid configuration. */
  usage: 2,
  /** An answer was stopped with Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;
