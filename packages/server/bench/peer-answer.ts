/** The answer of the peer comparison: its bench token count, and the characters per streamed chunk. */
export const peerAnswer = { tokens: 32, chunkChars: 64 } as const;
