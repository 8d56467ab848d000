/**
 * Dependency-injection decorators for provider classes, from the container the registry is
 * built on. Use `@inject(token)` on constructor parameters whose type is an interface, a
 * settings object or anything imported only as a type (see `providerSettingsToken`).
 */
export { inject, injectable } from 'tsyringe';
