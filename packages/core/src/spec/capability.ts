/** A capability a caller can require from the providers chosen for a request. */
export type ProviderCapability = 'stream' | 'systemMessage' | 'messageHistory';
