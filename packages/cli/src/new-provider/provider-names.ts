/**
 * The spellings of a provider's NAME that templates use, each under its placeholder's key:
 * for `acme-chat`, `name` acme-chat, `PascalName` AcmeChat, `camelName` acmeChat,
 * `CONST_NAME` ACME_CHAT and `TitleName` Acme Chat.
 */
export interface ProviderNames {
  name: string;
  PascalName: string;
  camelName: string;
  CONST_NAME: string;
  TitleName: string;
}

const validName = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Why `name` cannot name a provider package, or `undefined` when it can: it must be
 * lowercase letters, digits and single dashes, start with a letter, and leave out the
 * `provider-` prefix that the package folder and name add.
 */
export function providerNameProblem(name: string): string | undefined {
  if (name.startsWith('provider-')) return `leave out the "provider-" prefix: the package is named @switchboard/provider-NAME, so give ${name.slice('provider-'.length) || 'a name'} instead.`;
  if (!validName.test(name)) return `"${name}" is not a valid provider name: use lowercase letters, digits and single dashes, starting with a letter (e.g. acme-chat).`;
  return undefined;
}

/**
 * Derives every spelling from a valid NAME. Where a part starts with a digit, the identifier
 * spellings keep an underscore before it so that they stay readable (`qwen2-72b` gives
 * `Qwen2_72b`, `qwen2_72b` and `QWEN2_72B`).
 */
export function providerNames(name: string): ProviderNames {
  const parts = name.split('-');
  const capitalized = parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1));
  const PascalName = joinIdentifier(capitalized);
  return {
    name,
    PascalName,
    camelName: PascalName.charAt(0).toLowerCase() + PascalName.slice(1),
    CONST_NAME: parts.join('_').toUpperCase(),
    TitleName: capitalized.join(' '),
  };
}

function joinIdentifier(parts: readonly string[]): string {
  return parts.reduce((joined, part) => (joined !== '' && /^\d/.test(part) ? `${joined}_${part}` : joined + part), '');
}
