/**
 * The injection token under which a registry provides each provider its settings. A
 * provider class receives them with `@inject(providerSettingsToken)` on a constructor
 * parameter; every registration has its own value: the one given to
 * `register(..., { settings })` or `configureProvider()`, and `{}` otherwise. So one class
 * may be registered twice under two names with different settings, and subclasses inherit
 * the injection. Explicit tokens work in every build, including esbuild and tsx, which emit
 * no constructor type metadata.
 */
export const providerSettingsToken: unique symbol = Symbol.for('switchboard.provider-settings');
